import { ExistingCharge, RentTerms, chargeForMonth, highestMonthlyRentCents, isLate, planRentCharges, rentSchedule } from './rent-schedule';

const terms = (overrides: Partial<RentTerms> = {}): RentTerms => ({
  startDate: '2026-01-01',
  endDate: null,
  coldRentCents: 90_000,
  serviceChargeCents: 20_000,
  heatingCents: 10_000,
  dueDay: 3,
  rentSteps: [],
  ...overrides,
});

describe('rent schedule', () => {
  it('charges cold rent plus advances for every month up to today, due on the due day', () => {
    const schedule = rentSchedule(terms(), '2026-03-15');
    expect(schedule).toEqual([
      { periodStart: '2026-01-01', periodEnd: '2026-01-31', dueDate: '2026-01-03', amountCents: 120_000 },
      { periodStart: '2026-02-01', periodEnd: '2026-02-28', dueDate: '2026-02-03', amountCents: 120_000 },
      { periodStart: '2026-03-01', periodEnd: '2026-03-31', dueDate: '2026-03-03', amountCents: 120_000 },
    ]);
  });

  it('prorates a move-in mid-month by the days of that month', () => {
    // 16 of 31 days of January.
    expect(chargeForMonth(terms({ startDate: '2026-01-16' }), '2026-01-01')).toEqual({
      periodStart: '2026-01-16',
      periodEnd: '2026-01-31',
      dueDate: '2026-01-16',
      amountCents: Math.round((120_000 * 16) / 31),
    });
  });

  it('prorates a move-out by days in February (28 days)', () => {
    const charge = chargeForMonth(terms({ endDate: '2026-02-14' }), '2026-02-01');
    expect(charge?.amountCents).toBe(60_000);
    expect(charge?.periodEnd).toBe('2026-02-14');
    expect(rentSchedule(terms({ endDate: '2026-02-14' }), '2026-06-01')).toHaveLength(2);
  });

  it('applies graduated steps from their date, prorating a step that starts mid-month', () => {
    const graduated = terms({ rentSteps: [{ effectiveFrom: '2026-03-01', coldRentCents: 100_000 }, { effectiveFrom: '2026-04-16', coldRentCents: 110_000 }] });
    const amounts = rentSchedule(graduated, '2026-04-30').map((charge) => charge.amountCents);
    // April: 15 days at 130,000 and 15 days at 140,000 over 30 days.
    expect(amounts).toEqual([120_000, 120_000, 130_000, 135_000]);
  });

  it('knows the most one month can cost, over every rent step', () => {
    expect(highestMonthlyRentCents(terms())).toBe(120_000);
    const steps = [{ effectiveFrom: '2027-01-01', coldRentCents: 95_000 }, { effectiveFrom: '2028-01-01', coldRentCents: 80_000 }];
    expect(highestMonthlyRentCents(terms({ rentSteps: steps }))).toBe(125_000);
  });

  it('does not charge a month the lease has not started in yet', () => {
    expect(rentSchedule(terms({ startDate: '2026-03-20' }), '2026-03-10')).toEqual([]);
  });
});

describe('rent charge plan', () => {
  const existing = (overrides: Partial<ExistingCharge>): ExistingCharge => ({
    id: 'c1',
    createdOn: '2026-01-01',
    periodStart: '2026-01-01',
    periodEnd: '2026-01-31',
    dueDate: '2026-01-03',
    amountCents: 120_000,
    paidCents: 0,
    invoiceId: null,
    ...overrides,
  });

  it('backfills skipped months and changes nothing on a second run', () => {
    const schedule = rentSchedule(terms(), '2026-03-15');
    const plan = planRentCharges(schedule, [existing({})]);
    expect(plan.create.map((charge) => charge.periodStart)).toEqual(['2026-02-01', '2026-03-01']);
    const stored = schedule.map((charge, index) => existing({ ...charge, id: `c${index}` }));
    expect(planRentCharges(schedule, stored)).toEqual({ create: [], update: [], remove: [] });
  });

  it('corrects and removes open charges after a termination but never touches paid or invoiced ones', () => {
    const terminated = rentSchedule(terms({ endDate: '2026-02-14' }), '2026-03-15');
    const stored = [
      existing({ id: 'jan', paidCents: 120_000 }),
      existing({ id: 'feb', periodStart: '2026-02-01', periodEnd: '2026-02-28', dueDate: '2026-02-03' }),
      existing({ id: 'mar', periodStart: '2026-03-01', periodEnd: '2026-03-31', dueDate: '2026-03-03', invoiceId: 'inv' }),
    ];
    const plan = planRentCharges(terminated, stored);
    expect(plan.create).toEqual([]);
    expect(plan.update).toEqual([{ id: 'feb', periodStart: '2026-02-01', periodEnd: '2026-02-14', dueDate: '2026-02-03', amountCents: 60_000 }]);
    expect(plan.remove).toEqual([]);
    const paidFeb = planRentCharges(terminated, [stored[0], { ...stored[1], paidCents: 1 }]);
    expect(paidFeb.update).toEqual([]);
  });

  it('removes an open charge for a month the lease no longer covers', () => {
    const plan = planRentCharges([], [existing({ id: 'x' })]);
    expect(plan.remove).toEqual(['x']);
  });
});

describe('late fees', () => {
  it('are due only after the grace days and only while unpaid', () => {
    const charge = { dueDate: '2026-03-03', amountCents: 100, paidCents: 0, createdOn: '2026-03-01' };
    expect(isLate(charge, 5, '2026-03-08')).toBe(false);
    expect(isLate(charge, 5, '2026-03-09')).toBe(true);
    expect(isLate({ ...charge, paidCents: 100 }, 5, '2026-04-01')).toBe(false);
  });

  it('are not charged for months billed only after their grace period (late entry, backfill)', () => {
    const backfilled = { dueDate: '2026-01-03', amountCents: 100, paidCents: 0, createdOn: '2026-03-15' };
    expect(isLate(backfilled, 5, '2026-03-15')).toBe(false);
    expect(isLate({ ...backfilled, createdOn: '2026-01-08' }, 5, '2026-03-15')).toBe(true);
  });
});
