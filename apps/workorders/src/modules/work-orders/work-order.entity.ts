import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { numericTransformer } from '@quartier/db';
import type { WorkOrderCategory, WorkOrderPriority, WorkOrderStatus } from '@quartier/contracts-workorders';

/** Who opened a work order: a person, an iot alert, or an iot automation rule's request. */
export type WorkOrderSource = 'staff' | 'resident' | 'iot_alert' | 'iot_rule';

@Entity({ name: 'work_orders' })
export class WorkOrderEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'text' })
  status!: WorkOrderStatus;

  @Column({ type: 'text' })
  priority!: WorkOrderPriority;

  @Column({ type: 'text' })
  category!: WorkOrderCategory;

  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId!: string | null;

  @Column({ name: 'property_id', type: 'uuid', nullable: true })
  propertyId!: string | null;

  @Column({ name: 'contractor_id', type: 'uuid', nullable: true })
  contractorId!: string | null;

  @Column({ name: 'requested_by_user_id', type: 'uuid', nullable: true })
  requestedByUserId!: string | null;

  @Column({ type: 'text' })
  source!: WorkOrderSource;

  @Column({ name: 'source_alert_id', type: 'uuid', nullable: true })
  sourceAlertId!: string | null;

  @Column({ name: 'estimated_cost_cents', type: 'integer', nullable: true })
  estimatedCostCents!: number | null;

  @Column({ name: 'actual_cost_cents', type: 'integer', nullable: true })
  actualCostCents!: number | null;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ name: 'resolution_notes', type: 'text', nullable: true })
  resolutionNotes!: string | null;

  @Column({ name: 'cancellation_reason', type: 'text', nullable: true })
  cancellationReason!: string | null;

  @Column({ name: 'scheduled_for', type: 'timestamptz', nullable: true })
  scheduledFor!: Date | null;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ name: 'assigned_at', type: 'timestamptz', nullable: true })
  assignedAt!: Date | null;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** One entry of a work order's timeline. */
@Entity({ name: 'work_order_events' })
export class WorkOrderEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'work_order_id', type: 'uuid' })
  workOrderId!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;
}

@Entity({ name: 'work_order_tasks' })
export class WorkOrderTaskEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'work_order_id', type: 'uuid' })
  workOrderId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'boolean' })
  done!: boolean;

  @Column({ type: 'integer' })
  position!: number;
}


@Entity({ name: 'work_order_materials' })
export class WorkOrderMaterialEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'work_order_id', type: 'uuid' })
  workOrderId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'numeric', precision: 12, scale: 3, transformer: numericTransformer })
  quantity!: number;

  @Column({ type: 'text', nullable: true })
  unit!: string | null;

  @Column({ name: 'unit_cost_cents', type: 'integer' })
  unitCostCents!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
