import { randomUUID } from 'node:crypto';
import { UtilityOperations } from '@quartier/contracts-leasing';
import { AnyOperation, OrgCaller, RequestOf, ResponseOf } from '@quartier/contracts-shared';
import { OperationClient } from '@quartier/messaging';
import { TestStack, startTestStack, testCaller } from '@quartier/testing';
import { leasingService } from '../src/leasing.service-app';
import { addDays, addMonths, monthEnd, monthStart, todayIn } from '../src/modules/shared/iso-date';
import { failure, fakePortfolioProperties, fakePortfolioUnits } from './support';

describe('leasing: utility bills, analytics and forecast over NATS', () => {
  let stack: TestStack;
  const organizationId = randomUUID();
  const owner: OrgCaller = testCaller(organizationId);
  const propertyId = randomUUID();
  const otherPropertyId = randomUUID();
  const foreignPropertyId = randomUUID();
  const unitId = randomUUID();
  const today = todayIn('Europe/Berlin');
  const thisMonth = monthStart(today);

  beforeAll(async () => {
    stack = await startTestStack([leasingService], { RENT_JOB_INTERVAL_MS: '0' });
    fakePortfolioProperties(stack.nats, stack.prefix, new Map([[propertyId, organizationId], [otherPropertyId, organizationId], [foreignPropertyId, randomUUID()]]));
    fakePortfolioUnits(stack.nats, stack.prefix, new Map([[unitId, { propertyId }]]));
    await stack.nats.flush();
  });
  afterAll(() => stack.teardown());

  const call = <Operation extends AnyOperation>(operation: Operation, payload: RequestOf<Operation>, caller: OrgCaller = owner): Promise<ResponseOf<Operation>> =>
    new OperationClient(stack.rpc).send(operation, payload, caller);
  const bill = (monthsAgo: number, amountCents: number, extra: Record<string, unknown> = {}) => {
    const month = addMonths(thisMonth, -monthsAgo);
    return call(UtilityOperations.createBill, {
      propertyId,
      type: 'electricity',
      periodStart: month,
      periodEnd: monthEnd(month),
      consumption: amountCents / 30,
      consumptionUnit: 'kWh',
      amountCents,
      dueDate: addDays(monthEnd(month), 14),
      ...extra,
    });
  };

  it('manages providers and bills, lists them by property and overdue, and pays them', async () => {
    const provider = await call(UtilityOperations.createProvider, { name: 'Stadtwerke', types: ['electricity', 'gas'] });
    const created = await bill(3, 12_000, { providerId: provider.id });
    expect(created).toMatchObject({ status: 'open', providerId: provider.id, currency: 'EUR' });
    expect(await failure(bill(1, 100, { periodEnd: addMonths(thisMonth, -2) }))).toMatchObject({ status: 422 });
    // A type the request class refuses, sent untyped as any bus client could.
    expect(await failure(stack.rpc.request(UtilityOperations.createBill.subject, { propertyId, type: 'coal', periodStart: today, periodEnd: today, amountCents: 1, dueDate: today }, owner))).toMatchObject({ status: 422 });
    const byProperty = await call(UtilityOperations.billsByProperty, { id: propertyId });
    expect(byProperty.items.map((b) => b.id)).toEqual([created.id]);
    const overdue = await call(UtilityOperations.overdueBills, {});
    expect(overdue.items.map((b) => b.id)).toContain(created.id);
    const paid = await call(UtilityOperations.payBill, { id: created.id });
    expect(paid).toMatchObject({ status: 'paid', paidOn: today });
    expect((await call(UtilityOperations.overdueBills, {})).items.map((b) => b.id)).not.toContain(created.id);
    const providers = await call(UtilityOperations.providers, {});
    expect(providers.items.map((p) => p.name)).toEqual(['Stadtwerke']);
    expect(await failure(call(UtilityOperations.bill, { id: created.id }, testCaller(randomUUID())))).toMatchObject({ status: 404 });
    expect(await failure(call(UtilityOperations.bills, {}, testCaller(organizationId, { roles: ['resident'], scopes: ['read'] })))).toMatchObject({ status: 403 });
  });

  it('bills only properties of the organization, and units only with their own property', async () => {
    expect(await failure(bill(2, 6_000, { propertyId: foreignPropertyId }))).toMatchObject({ status: 404, code: 'PROPERTY_NOT_FOUND' });
    expect(await failure(bill(2, 6_000, { propertyId: randomUUID() }))).toMatchObject({ status: 404, code: 'PROPERTY_NOT_FOUND' });
    expect(await failure(bill(2, 6_000, { propertyId: otherPropertyId, unitId }))).toMatchObject({ status: 422 });
    expect(await failure(bill(2, 6_000, { unitId: randomUUID() }))).toMatchObject({ status: 404, code: 'UNIT_NOT_FOUND' });
    const unitBill = await bill(2, 6_000, { propertyId: otherPropertyId });
    expect(await failure(call(UtilityOperations.updateBill, { id: unitBill.id, unitId }))).toMatchObject({ status: 422 });
    expect(await failure(call(UtilityOperations.updateBill, { id: unitBill.id, propertyId: foreignPropertyId }))).toMatchObject({ status: 404 });
    expect(await call(UtilityOperations.bill, { id: unitBill.id })).toMatchObject({ propertyId: otherPropertyId, unitId: null });
    const moved = await call(UtilityOperations.updateBill, { id: unitBill.id, propertyId, unitId });
    expect(moved).toMatchObject({ propertyId, unitId });
    await call(UtilityOperations.removeBill, { id: unitBill.id });
  });

  it('reports consumption and cost per property, type and month with the change against the previous month', async () => {
    await bill(2, 15_000);
    await bill(1, 18_000);
    const analytics = await call(UtilityOperations.usageAnalytics, { propertyId, type: 'electricity' });
    const rows = analytics.rows.map((row) => [row.month, row.costCents, row.costChangePercent]);
    expect(rows).toEqual([
      [addMonths(thisMonth, -3), 12_000, null],
      [addMonths(thisMonth, -2), 15_000, 25],
      [addMonths(thisMonth, -1), 18_000, 20],
    ]);
  });

  it('forecasts the next months per property and type with a range', async () => {
    const forecast = await call(UtilityOperations.costForecast, { months: 2, propertyId });
    expect(forecast.series).toHaveLength(1);
    expect(forecast.series[0]).toMatchObject({ propertyId, type: 'electricity', basedOnMonths: 3 });
    expect(forecast.series[0].forecast).toEqual([
      { month: thisMonth, expectedCents: 21_000, lowCents: 21_000, highCents: 21_000 },
      { month: addMonths(thisMonth, 1), expectedCents: 24_000, lowCents: 24_000, highCents: 24_000 },
    ]);
  });
});
