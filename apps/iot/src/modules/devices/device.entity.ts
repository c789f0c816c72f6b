import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DeviceType } from '@quartier/contracts-iot';

@Entity({ name: 'devices' })
export class DeviceEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) type!: DeviceType;
  @Column({ name: 'unit_id', type: 'uuid', nullable: true }) unitId!: string | null;
  @Column({ name: 'building_id', type: 'uuid', nullable: true }) buildingId!: string | null;
  @Column({ type: 'text', nullable: true }) manufacturer!: string | null;
  @Column({ type: 'text', nullable: true }) model!: string | null;
  @Column({ name: 'serial_number', type: 'text', nullable: true }) serialNumber!: string | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) metrics!: string[];
  @Column({ type: 'jsonb', nullable: true }) credentials!: Record<string, string> | null;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @Column({ type: 'boolean', default: false }) online!: boolean;
  @Column({ name: 'last_seen_at', type: 'timestamptz', nullable: true }) lastSeenAt!: Date | null;
  @Column({ type: 'jsonb', default: () => "'{}'" }) state!: Record<string, unknown>;
  @Column({ type: 'jsonb', default: () => "'{}'" }) metadata!: Record<string, unknown>;
  @Column({ name: 'discovery_topics', type: 'text', array: true, default: () => "'{}'" }) discoveryTopics!: string[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
