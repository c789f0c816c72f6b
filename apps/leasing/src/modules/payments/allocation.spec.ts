import { OpenCharge, allocatePayment, chargeStatus, releaseForRefund } from './allocation';

const charge = (id: string, dueDate: string, amountCents: number, paidCents = 0, kind: OpenCharge['kind'] = 'rent'): OpenCharge => ({
  id,
  dueDate,
  periodStart: `${dueDate.slice(0, 7)}-01`,
  kind,
  amountCents,
  paidCents,
});

describe('payment allocation', () => {
  it('settles the oldest charges first whatever order they come in', () => {
    const result = allocatePayment(150_000, [charge('mar', '2026-03-03', 100_000), charge('jan', '2026-01-03', 100_000, 40_000), charge('feb', '2026-02-03', 100_000)]);
    expect(result).toEqual({
      allocations: [
        { chargeId: 'jan', amountCents: 60_000 },
        { chargeId: 'feb', amountCents: 90_000 },
      ],
      unallocatedCents: 0,
    });
  });

  it('pays the rent before the late fee of the same period and keeps the rest as credit', () => {
    const result = allocatePayment(130_000, [charge('fee', '2026-01-03', 5_000, 0, 'late_fee'), charge('rent', '2026-01-03', 100_000)]);
    expect(result.allocations.map((a) => a.chargeId)).toEqual(['rent', 'fee']);
    expect(result.unallocatedCents).toBe(25_000);
  });

  it('skips fully paid charges', () => {
    expect(allocatePayment(10, [charge('paid', '2026-01-03', 100, 100)])).toEqual({ allocations: [], unallocatedCents: 10 });
  });
});

describe('refund release', () => {
  const allocated = [
    { chargeId: 'jan', amountCents: 60_000, dueDate: '2026-01-03', periodStart: '2026-01-01', kind: 'rent' as const },
    { chargeId: 'feb', amountCents: 90_000, dueDate: '2026-02-03', periodStart: '2026-02-01', kind: 'rent' as const },
  ];

  it('returns the credit first, then reopens the newest charge', () => {
    expect(releaseForRefund(30_000, 10_000, allocated)).toEqual([{ chargeId: 'feb', amountCents: 20_000 }]);
    expect(releaseForRefund(120_000, 0, allocated)).toEqual([
      { chargeId: 'feb', amountCents: 90_000 },
      { chargeId: 'jan', amountCents: 30_000 },
    ]);
    expect(releaseForRefund(5_000, 10_000, allocated)).toEqual([]);
  });

  it('derives the charge status from what was paid', () => {
    expect(chargeStatus(100, 0)).toBe('open');
    expect(chargeStatus(100, 40)).toBe('partially_paid');
    expect(chargeStatus(100, 100)).toBe('paid');
  });
});
