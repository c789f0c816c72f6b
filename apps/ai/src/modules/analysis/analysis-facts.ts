import { OverdueChargeView, PaymentView, TenantView } from '@quartier/contracts-leasing';
import { PropertyResponse, UnitResponse } from '@quartier/contracts-portfolio';
import { WorkOrderView } from '@quartier/contracts-workorders';

type Totals = Record<string, number>;

function addTo(totals: Totals, key: string, amount: number): Totals {
  totals[key] = (totals[key] ?? 0) + amount;
  return totals;
}

function money(totals: Totals): string[] {
  return Object.entries(totals).map(([currency, cents]) => `${(cents / 100).toFixed(2)} ${currency}`);
}

/** Occupancy, vacant rent potential and open maintenance of one property. */
export function propertyFacts(property: PropertyResponse, units?: UnitResponse[], openWorkOrders?: WorkOrderView[]): Record<string, unknown> {
  const facts: Record<string, unknown> = {
    name: property.name,
    type: property.type,
    status: property.status,
    city: property.address.city,
    yearBuilt: property.yearBuilt,
  };
  if (units) {
    const byStatus = units.reduce<Totals>((totals, unit) => addTo(totals, unit.status, 1), {});
    const vacant = units.filter((unit) => unit.status === 'vacant');
    facts.units = units.length;
    facts.unitsByStatus = byStatus;
    facts.vacancyRatePercent = units.length === 0 ? 0 : Math.round((vacant.length / units.length) * 1000) / 10;
    facts.vacantUnits = vacant.map((unit) => unit.number);
    facts.monthlyTargetRentOfVacantUnits = money(
      vacant.reduce<Totals>((totals, unit) => (unit.targetRent ? addTo(totals, unit.targetRent.currency, unit.targetRent.amountCents) : totals), {}),
    );
  }
  if (openWorkOrders) {
    facts.openWorkOrders = openWorkOrders.length;
    facts.urgentWorkOrders = openWorkOrders.filter((order) => order.priority === 'high' || order.priority === 'emergency').length;
    facts.workOrdersPastDue = openWorkOrders.filter((order) => order.slaBreached).length;
    facts.openWorkOrderTitles = openWorkOrders.slice(0, 10).map((order) => order.title);
  }
  return facts;
}

/** Payment behaviour of one tenant: what was paid, what is overdue and for how long. */
export function tenantFacts(tenant: TenantView, payments?: PaymentView[], overdue?: OverdueChargeView[]): Record<string, unknown> {
  const facts: Record<string, unknown> = {
    name: tenant.companyName ?? `${tenant.firstName} ${tenant.lastName}`,
    status: tenant.status,
    tenantSince: tenant.createdAt.slice(0, 10),
  };
  if (payments) {
    // Pending and failed payments brought in nothing (yet); refunds are netted out.
    const completed = payments.filter((payment) => ['completed', 'partially_refunded', 'refunded'].includes(payment.status));
    facts.payments = completed.length;
    facts.paidTotal = money(completed.reduce<Totals>((totals, payment) => addTo(totals, payment.currency, payment.amountCents - payment.refundedCents), {}));
    facts.lastPaymentOn = completed.map((payment) => payment.paidOn).sort().pop() ?? null;
  }
  if (overdue) {
    const own = overdue.filter((charge) => charge.tenantId === tenant.id);
    facts.overdueCharges = own.length;
    facts.overdueTotal = money(own.reduce<Totals>((totals, charge) => addTo(totals, charge.currency, charge.outstandingCents), {}));
    facts.longestDaysOverdue = Math.max(0, ...own.map((charge) => charge.daysOverdue));
  }
  return facts;
}
