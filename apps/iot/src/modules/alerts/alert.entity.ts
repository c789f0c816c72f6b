import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { AlertSeverity, AlertStatus } from '@quartier/contracts-iot';

@Entity({ name: 'alerts' })
export class AlertEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'device_id', type: 'uuid' }) deviceId!: string;
  @Column({ name: 'unit_id', type: 'uuid', nullable: true }) unitId!: string | null;
  @Column({ name: 'building_id', type: 'uuid', nullable: true }) buildingId!: string | null;
  @Column({ name: 'rule_id', type: 'uuid', nullable: true }) ruleId!: string | null;
  @Column({ type: 'text' }) severity!: AlertSeverity;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) message!: string;
  @Column({ type: 'text', nullable: true }) metric!: string | null;
  @Column({ type: 'double precision', nullable: true }) value!: number | null;
  @Column({ type: 'text', default: 'open' }) status!: AlertStatus;
  @Column({ name: 'raised_at', type: 'timestamptz' }) raisedAt!: Date;
  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true }) acknowledgedAt!: Date | null;
  @Column({ name: 'acknowledged_by', type: 'uuid', nullable: true }) acknowledgedBy!: string | null;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt!: Date | null;
  @Column({ name: 'resolved_by', type: 'uuid', nullable: true }) resolvedBy!: string | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
}
