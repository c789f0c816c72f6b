import { randomUUID } from 'node:crypto';
import { LeaseOperations, LeaseView, PaymentOperations, TenantOperations, TenantView } from '@quartier/contracts-leasing';
import { AnyOperation, OrgCaller, RequestOf, ResponseOf } from '@quartier/contracts-shared';
import { OperationClient } from '@quartier/messaging';
import { TestStack, startTestStack, testCaller } from '@quartier/testing';
import { leasingService } from '../src/leasing.service-app';
import { addDays, addMonths, monthStart, todayIn } from '../src/modules/shared/iso-date';
import { failure, fakePortfolioUnits } from './support';

describe('leasing: rent schedule and payments over NATS', () => {
  let stack: TestStack;
  const organizationId = randomUUID();
  const owner: OrgCaller = testCaller(organizationId);
  const units = new Map<string, { propertyId: string }>();
  const today = todayIn('Europe/Berlin');
  // Three full months before the current one, so three charges are overdue.
  const start = addMonths(monthStart(today), -3);

  beforeAll(async () => {
    stack = await startTestStack([], { RENT_JOB_INTERVAL_MS: '0' });
    fakePortfolioUnits(stack.nats, stack.prefix, units);
    await stack.start(leasingService);
  });
  afterAll(() => stack.teardown());

  const call = <Operation extends AnyOperation>(operation: Operation, payload: RequestOf<Operation>, caller: OrgCaller = owner): Promise<ResponseOf<Operation>> =>
    new OperationClient(stack.rpc).send(operation, payload, caller);

  async function activeLease(email: string, extra: Record<string, unknown> = {}): Promise<{ tenant: TenantView; lease: LeaseView }> {
    const tenant = await call(TenantOperations.create, { firstName: 'T', lastName: 'N', email });
    const unitId = randomUUID();
    units.set(unitId, { propertyId: randomUUID() });
    const created = await call(LeaseOperations.create, {
      unitId,
      tenantId: tenant.id,
      startDate: start,
      coldRentCents: 80_000,
      serviceChargeCents: 15_000,
      heatingCents: 5_000,
      dueDay: 3,
      lateFeeCents: 2_500,
      graceDays: 5,
      ...extra,
    });
    return { tenant, lease: await call(LeaseOperations.activate, { id: created.id }) };
  }

  const chargesOf = async (leaseId: string) => (await call(LeaseOperations.charges, { id: leaseId, size: 100 })).items;

  it('charges every month since the start on activation, without late fees for months billed late, and a second run changes nothing', async () => {
    const { lease } = await activeLease('rent@example.com');
    const charges = await chargesOf(lease.id);
    const rent = charges.filter((c) => c.kind === 'rent');
    expect(rent.map((c) => c.periodStart)).toEqual([0, 1, 2, 3].map((n) => addMonths(start, n)));
    expect(rent.every((c) => c.amountCents === 100_000 && c.status === 'open')).toBe(true);
    // The past months were only billed now: nobody could have paid them on time.
    expect(charges.filter((c) => c.kind === 'late_fee')).toEqual([]);

    const again = await call(LeaseOperations.rentRun, {});
    expect(again).toMatchObject({ chargesCreated: 0, chargesUpdated: 0, chargesRemoved: 0, lateFeesCreated: 0 });
    expect(again.leases).toBeGreaterThanOrEqual(1);
  });

  it('adds a late fee once the grace days after the due date pass with the charge unpaid', async () => {
    const { lease } = await activeLease('late-fee@example.com');
    const nextMonth = addMonths(monthStart(today), 1);
    // Only next month's charge: whether this month's (billed today) may still be fined depends on the calendar day.
    const nextMonthFees = async () => (await chargesOf(lease.id)).filter((c) => c.kind === 'late_fee' && c.periodStart === nextMonth);
    await call(LeaseOperations.rentRun, { asOf: nextMonth });
    // Due on the 3rd, five grace days: still no fee on the 8th, one on the 9th, never a second.
    await call(LeaseOperations.rentRun, { asOf: addDays(nextMonth, 7) });
    expect(await nextMonthFees()).toEqual([]);
    await call(LeaseOperations.rentRun, { asOf: addDays(nextMonth, 8) });
    await call(LeaseOperations.rentRun, { asOf: addDays(nextMonth, 20) });
    expect(await nextMonthFees()).toMatchObject([{ amountCents: 2_500, dueDate: addDays(nextMonth, 8), status: 'open' }]);
  });

  it('backfills skipped months when the job runs later', async () => {
    const { lease } = await activeLease('backfill@example.com');
    const future = addMonths(monthStart(today), 2);
    const run = await call(LeaseOperations.rentRun, { asOf: future });
    expect(run.chargesCreated).toBeGreaterThanOrEqual(2);
    const rent = (await chargesOf(lease.id)).filter((c) => c.kind === 'rent');
    expect(rent.at(-1)?.periodStart).toBe(future);
  });

  it('allocates a manual payment to the oldest charges first and keeps the rest as credit', async () => {
    const { tenant, lease } = await activeLease('payer@example.com', { lateFeeCents: 0 });
    const payment = await call(PaymentOperations.record, {
      tenantId: tenant.id,
      amountCents: 150_000,
      method: 'bank_transfer',
      paidOn: today,
      reference: 'SEPA 1',
    });
    const charges = await chargesOf(lease.id);
    expect(payment.allocations).toEqual([
      { chargeId: charges[0].id, amountCents: 100_000 },
      { chargeId: charges[1].id, amountCents: 50_000 },
    ]);
    expect(charges.slice(0, 3).map((c) => c.status)).toEqual(['paid', 'partially_paid', 'open']);

    const overpay = await call(PaymentOperations.record, { tenantId: tenant.id, amountCents: 300_000, method: 'cash', paidOn: today });
    expect(overpay.unallocatedCents).toBe(300_000 - 250_000);
    expect((await chargesOf(lease.id)).every((c) => c.status === 'paid')).toBe(true);
  });

  it('honours Idempotency-Key: the same key records the payment once', async () => {
    const { tenant } = await activeLease('idem@example.com', { lateFeeCents: 0 });
    const body = { tenantId: tenant.id, amountCents: 10_000, method: 'bank_transfer' as const, paidOn: today };
    const keyed = { ...owner, idempotencyKey: 'key-1' };
    const first = await call(PaymentOperations.record, body, keyed);
    const second = await call(PaymentOperations.record, body, keyed);
    expect(second.id).toBe(first.id);
    expect(await failure(call(PaymentOperations.record, { ...body, amountCents: 20_000 }, keyed))).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    const listed = await call(PaymentOperations.byTenant, { id: tenant.id });
    expect(listed.total).toBe(1);
  });

  it('lists overdue charges with days overdue, refunds partially (reopening the newest charge) and deletes', async () => {
    const { tenant, lease } = await activeLease('late@example.com', { lateFeeCents: 0 });
    const overdue = await call(PaymentOperations.overdue, { size: 100 });
    const mine = overdue.items.filter((c) => c.leaseId === lease.id);
    expect(mine.length).toBeGreaterThanOrEqual(3);
    expect(mine[0]).toMatchObject({ outstandingCents: 100_000, dueDate: addDays(start, 2) });
    expect(mine[0].daysOverdue).toBeGreaterThan(60);

    const payment = await call(PaymentOperations.record, { tenantId: tenant.id, leaseId: lease.id, amountCents: 200_000, method: 'bank_transfer', paidOn: today });
    const refunded = await call(PaymentOperations.refund, { id: payment.id, amountCents: 30_000, reason: 'Goodwill' });
    expect(refunded).toMatchObject({ status: 'partially_refunded', refundedCents: 30_000 });
    const charges = await chargesOf(lease.id);
    expect(charges[0].status).toBe('paid');
    expect(charges[1]).toMatchObject({ status: 'partially_paid', paidCents: 70_000 });
    expect(await failure(call(PaymentOperations.refund, { id: payment.id, amountCents: 170_001 }))).toMatchObject({ status: 422, code: 'REFUND_EXCEEDS_PAYMENT' });

    const updated = await call(PaymentOperations.update, { id: payment.id, reference: 'corrected' });
    expect(updated.reference).toBe('corrected');
    await call(PaymentOperations.remove, { id: payment.id });
    expect((await chargesOf(lease.id)).slice(0, 2).map((c) => c.paidCents)).toEqual([0, 0]);
    expect(await failure(call(PaymentOperations.get, { id: payment.id }))).toMatchObject({ status: 404 });
  });

  it('summarises collected, refunded, pending and overdue amounts for a period', async () => {
    const summary = await call(PaymentOperations.summary, { from: addMonths(start, -1), to: addMonths(today, 1) });
    expect(summary.totals).toHaveLength(1);
    const [eur] = summary.totals;
    expect(eur.currency).toBe('EUR');
    expect(eur.collectedCents).toBeGreaterThanOrEqual(460_000);
    expect(eur.overdueCents).toBeGreaterThan(0);
  });

  it('hides payments of other organizations and other residents (404)', async () => {
    const userId = randomUUID();
    const { tenant } = await activeLease('own@example.com', { lateFeeCents: 0 });
    await call(TenantOperations.update, { id: tenant.id, userId });
    const { tenant: other } = await activeLease('other@example.com', { lateFeeCents: 0 });
    const mine = await call(PaymentOperations.record, { tenantId: tenant.id, amountCents: 1_000, method: 'cash', paidOn: today });
    const theirs = await call(PaymentOperations.record, { tenantId: other.id, amountCents: 1_000, method: 'cash', paidOn: today });
    expect(await failure(call(PaymentOperations.get, { id: mine.id }, testCaller(randomUUID())))).toMatchObject({ status: 404 });
    expect(await failure(call(PaymentOperations.remove, { id: mine.id }, testCaller(randomUUID())))).toMatchObject({ status: 404 });
    const resident = testCaller(organizationId, { userId, roles: ['resident'], scopes: ['read'] });
    const listed = await call(PaymentOperations.list, {}, resident);
    expect(listed.items.map((p) => p.id)).toEqual([mine.id]);
    expect(await failure(call(PaymentOperations.get, { id: theirs.id }, resident))).toMatchObject({ status: 404 });
    const overdue = await call(PaymentOperations.overdue, { size: 100 }, resident);
    expect(overdue.items.every((c) => c.tenantId === tenant.id)).toBe(true);
  });
});
