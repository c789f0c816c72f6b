import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { InvoiceLineView, InvoiceStatus } from '@quartier/contracts-leasing';

@Entity({ name: 'invoices' })
export class InvoiceEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ type: 'text' }) number!: string;
  @Column({ type: 'integer' }) year!: number;
  @Column({ type: 'integer' }) sequence!: number;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @Column({ name: 'lease_id', type: 'uuid', nullable: true }) leaseId!: string | null;
  @Column({ type: 'text' }) status!: InvoiceStatus;
  @Column({ name: 'issue_date', type: 'date' }) issueDate!: string;
  @Column({ name: 'due_date', type: 'date' }) dueDate!: string;
  @Column({ type: 'char', length: 3 }) currency!: string;
  @Column({ name: 'total_cents', type: 'integer' }) totalCents!: number;
  @Column({ type: 'jsonb' }) lines!: InvoiceLineView[];
  @Column({ type: 'text', nullable: true }) notes!: string | null;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt!: Date | null;
  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true }) paidAt!: Date | null;
  @Column({ name: 'external_id', type: 'text', nullable: true }) externalId!: string | null;
  /** The status Invoice Ninja last heard of. */
  @Column({ name: 'external_status', type: 'text', nullable: true }) externalStatus!: InvoiceStatus | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
