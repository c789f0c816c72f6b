import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { PaymentMethod, PaymentStatus } from '@quartier/contracts-leasing';

@Entity({ name: 'payments' })
export class PaymentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @Column({ name: 'lease_id', type: 'uuid', nullable: true }) leaseId!: string | null;
  @Column({ name: 'amount_cents', type: 'integer' }) amountCents!: number;
  @Column({ name: 'refunded_cents', type: 'integer' }) refundedCents!: number;
  @Column({ name: 'unallocated_cents', type: 'integer' }) unallocatedCents!: number;
  @Column({ type: 'char', length: 3 }) currency!: string;
  @Column({ type: 'text' }) method!: PaymentMethod;
  @Column({ type: 'text' }) status!: PaymentStatus;
  @Column({ name: 'paid_on', type: 'date' }) paidOn!: string;
  @Column({ type: 'text', nullable: true }) reference!: string | null;
  @Column({ type: 'text', nullable: true }) notes!: string | null;
  @Column({ name: 'stripe_payment_intent_id', type: 'text', nullable: true }) stripePaymentIntentId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity({ name: 'payment_allocations' })
export class PaymentAllocationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'payment_id', type: 'uuid' }) paymentId!: string;
  @Column({ name: 'charge_id', type: 'uuid' }) chargeId!: string;
  @Column({ name: 'amount_cents', type: 'integer' }) amountCents!: number;
}
