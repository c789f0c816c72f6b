import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { LeaseRenewal, LeaseStatus, RentAdjustment, RentStep } from '@quartier/contracts-leasing';

@Entity({ name: 'leases' })
export class LeaseEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId!: string;
  @Column({ name: 'property_id', type: 'uuid', nullable: true }) propertyId!: string | null;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @Column({ type: 'text' }) status!: LeaseStatus;
  @Column({ name: 'start_date', type: 'date' }) startDate!: string;
  @Column({ name: 'end_date', type: 'date', nullable: true }) endDate!: string | null;
  @Column({ type: 'char', length: 3 }) currency!: string;
  @Column({ name: 'cold_rent_cents', type: 'integer' }) coldRentCents!: number;
  @Column({ name: 'service_charge_cents', type: 'integer' }) serviceChargeCents!: number;
  @Column({ name: 'heating_cents', type: 'integer' }) heatingCents!: number;
  @Column({ name: 'deposit_cents', type: 'integer' }) depositCents!: number;
  @Column({ name: 'due_day', type: 'smallint' }) dueDay!: number;
  @Column({ name: 'late_fee_cents', type: 'integer' }) lateFeeCents!: number;
  @Column({ name: 'grace_days', type: 'smallint' }) graceDays!: number;
  @Column({ name: 'rent_adjustment', type: 'text' }) rentAdjustment!: RentAdjustment;
  @Column({ name: 'rent_steps', type: 'jsonb' }) rentSteps!: RentStep[];
  @Column({ type: 'jsonb' }) renewals!: LeaseRenewal[];
  @Column({ name: 'termination_date', type: 'date', nullable: true }) terminationDate!: string | null;
  @Column({ name: 'termination_reason', type: 'text', nullable: true }) terminationReason!: string | null;
  @Column({ type: 'text', nullable: true }) notes!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
