import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'charges' })
export class ChargeEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'lease_id', type: 'uuid' }) leaseId!: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @Column({ type: 'text' }) kind!: 'rent' | 'late_fee';
  /** First day of the month the charge belongs to: one charge per lease, kind and month. */
  @Column({ name: 'period_month', type: 'date' }) periodMonth!: string;
  @Column({ name: 'period_start', type: 'date' }) periodStart!: string;
  @Column({ name: 'period_end', type: 'date' }) periodEnd!: string;
  @Column({ name: 'due_date', type: 'date' }) dueDate!: string;
  @Column({ name: 'amount_cents', type: 'integer' }) amountCents!: number;
  @Column({ name: 'paid_cents', type: 'integer' }) paidCents!: number;
  @Column({ type: 'char', length: 3 }) currency!: string;
  @Column({ type: 'text' }) status!: 'open' | 'partially_paid' | 'paid';
  @Column({ name: 'invoice_id', type: 'uuid', nullable: true }) invoiceId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
