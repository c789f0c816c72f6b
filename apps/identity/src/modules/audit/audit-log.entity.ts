import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { OrgOwned } from '@quartier/db';

/** One audited gateway request (who, what, when, outcome). */
@Entity({ name: 'audit_logs' })
export class AuditLogEntity implements OrgOwned {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  /** Null for anonymous requests (e.g. a failed login); those are not listed per organization. */
  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId!: string;

  @Column({ name: 'request_id', type: 'text' })
  requestId!: string;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @Column({ name: 'user_email', type: 'text', nullable: true })
  userEmail!: string | null;

  @Column({ type: 'text' })
  method!: string;

  @Column({ type: 'text' })
  path!: string;

  @Column({ type: 'text', nullable: true })
  route!: string | null;

  @Column({ type: 'integer' })
  status!: number;

  @Column({ type: 'text' })
  outcome!: 'success' | 'failure';

  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs!: number;

  @Column({ type: 'text', nullable: true })
  ip!: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;
}
