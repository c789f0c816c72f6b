import { ChargeView, LeaseView } from '@quartier/contracts-leasing';
import { ChargeEntity } from '../rent/charge.entity';
import { LeaseEntity } from './lease.entity';

export function toLeaseView(lease: LeaseEntity): LeaseView {
  return {
    id: lease.id,
    unitId: lease.unitId,
    tenantId: lease.tenantId,
    status: lease.status,
    startDate: lease.startDate,
    endDate: lease.endDate,
    currency: lease.currency,
    coldRentCents: lease.coldRentCents,
    serviceChargeCents: lease.serviceChargeCents,
    heatingCents: lease.heatingCents,
    depositCents: lease.depositCents,
    dueDay: lease.dueDay,
    lateFeeCents: lease.lateFeeCents,
    graceDays: lease.graceDays,
    rentAdjustment: lease.rentAdjustment,
    rentSteps: lease.rentSteps,
    renewals: lease.renewals,
    terminationDate: lease.terminationDate,
    terminationReason: lease.terminationReason,
    notes: lease.notes,
    createdAt: lease.createdAt.toISOString(),
    updatedAt: lease.updatedAt.toISOString(),
  };
}

export function toChargeView(charge: ChargeEntity): ChargeView {
  return {
    id: charge.id,
    leaseId: charge.leaseId,
    tenantId: charge.tenantId,
    kind: charge.kind,
    periodStart: charge.periodStart,
    periodEnd: charge.periodEnd,
    dueDate: charge.dueDate,
    amountCents: charge.amountCents,
    paidCents: charge.paidCents,
    currency: charge.currency,
    status: charge.status,
    invoiceId: charge.invoiceId,
  };
}
