import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { UnitStatus, UnitStatusSource } from '@quartier/contracts-portfolio';
import { OrgOwned } from '@quartier/db';

@Entity({ name: 'unit_status_history' })
export class UnitStatusHistoryEntity implements OrgOwned {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId!: string;
  @Column({ name: 'from_status', type: 'text', nullable: true }) fromStatus!: UnitStatus | null;
  @Column({ name: 'to_status', type: 'text' }) toStatus!: UnitStatus;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ type: 'text' }) source!: UnitStatusSource;
  @Column({ name: 'event_id', type: 'uuid', nullable: true }) eventId!: string | null;
  @Column({ name: 'changed_by', type: 'uuid', nullable: true }) changedBy!: string | null;
  // Set by the database (clock_timestamp()) so entries of one transaction still order correctly.
  @Column({ name: 'changed_at', type: 'timestamptz', insert: false, update: false }) changedAt!: Date;
}
