/** An open charge a payment can be allocated to. */
export interface OpenCharge {
  id: string;
  dueDate: string;
  periodStart: string;
  kind: 'rent' | 'late_fee';
  amountCents: number;
  paidCents: number;
}

export interface Allocation {
  chargeId: string;
  amountCents: number;
}

export interface AllocationResult {
  allocations: Allocation[];
  /** What is left over: a credit on the tenant's account. */
  unallocatedCents: number;
}

/** Oldest debt first: by due date, then period, rent before the late fee of the same period. */
export function byAge(a: OpenCharge, b: OpenCharge): number {
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  if (a.periodStart !== b.periodStart) return a.periodStart < b.periodStart ? -1 : 1;
  if (a.kind !== b.kind) return a.kind === 'rent' ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Spreads a payment over open charges, settling the oldest first. */
export function allocatePayment(amountCents: number, charges: OpenCharge[]): AllocationResult {
  let left = amountCents;
  const allocations: Allocation[] = [];
  for (const charge of [...charges].sort(byAge)) {
    if (left === 0) break;
    const outstanding = charge.amountCents - charge.paidCents;
    if (outstanding <= 0) continue;
    const amount = Math.min(outstanding, left);
    allocations.push({ chargeId: charge.id, amountCents: amount });
    left -= amount;
  }
  return { allocations, unallocatedCents: left };
}

export interface AllocatedCharge extends Allocation {
  dueDate: string;
  periodStart: string;
  kind: 'rent' | 'late_fee';
}

/**
 * Undoes allocations for a refund: the unallocated credit goes back first, then the newest
 * charges are reopened, so the oldest debt stays settled. Returns the reduction per charge.
 */
export function releaseForRefund(refundCents: number, unallocatedCents: number, allocated: AllocatedCharge[]): Allocation[] {
  let left = Math.max(0, refundCents - unallocatedCents);
  const released: Allocation[] = [];
  const newestFirst = [...allocated].sort((a, b) => byAge({ ...b, id: b.chargeId, amountCents: 0, paidCents: 0 }, { ...a, id: a.chargeId, amountCents: 0, paidCents: 0 }));
  for (const allocation of newestFirst) {
    if (left === 0) break;
    const amount = Math.min(allocation.amountCents, left);
    if (amount > 0) released.push({ chargeId: allocation.chargeId, amountCents: amount });
    left -= amount;
  }
  return released;
}

export function chargeStatus(amountCents: number, paidCents: number): 'open' | 'partially_paid' | 'paid' {
  if (paidCents >= amountCents) return 'paid';
  return paidCents > 0 ? 'partially_paid' : 'open';
}
