import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AnyOperation, OrgCaller, RequestOf, ResponseOf } from '@quartier/contracts-shared';
import { MarketDataOperations, ModelOperations, ValuateDto, ValuationEvent, ValuationOperations } from '@quartier/contracts-valuation';
import { OperationClient } from '@quartier/messaging';
import { TestStack, rpcFailure, startTestStack, testCaller, waitFor } from '@quartier/testing';
import { importMarketSales } from '../src/modules/market-data/market-import';
import { valuationService } from '../src/valuation.service-app';
import { KING_COUNTY_CSV, StandInPortfolio, collectEvents, operatorDataSource, standInPortfolio } from './helpers';

/** A 3-bedroom house in Fremont, Seattle (postal code 98103). */
const house = { livingArea: 150, lotArea: 400, bedrooms: 3, bathrooms: 2, floors: 2, yearBuilt: 1995, condition: 3, qualityGrade: 8, coordinates: { lat: 47.6965, lng: -122.342 }, postalCode: '98103' };
const DATE = '2015-02-01';

describe('valuations', () => {
  let stack: TestStack;
  let operator: DataSource;
  let portfolio: StandInPortfolio;
  let events: ReturnType<typeof collectEvents>;
  const manager = testCaller(randomUUID(), { roles: ['manager'], scopes: ['read', 'write', 'delete'] });
  const otherOrg = testCaller(randomUUID(), { roles: ['manager'], scopes: ['read', 'write', 'delete'] });

  beforeAll(async () => {
    stack = await startTestStack([valuationService], { AVM_FIT_ON_BOOT: 'false' });
    operator = await operatorDataSource(stack.database.url);
    await importMarketSales(operator, KING_COUNTY_CSV, { source: 'king-county', currency: 'USD' });
    await new OperationClient(stack.rpc).send(ModelOperations.refit, {}, testCaller(manager.organizationId, { roles: ['platform_operator'], scopes: [] }), { timeoutMs: 30_000 });
    portfolio = standInPortfolio(stack.nats, stack.prefix);
    events = collectEvents(stack.nats, stack.prefix);
  });
  afterAll(async () => {
    events?.stop();
    portfolio?.close();
    await operator?.destroy();
    await stack?.teardown();
  });

  const call = <Operation extends AnyOperation>(operation: Operation, payload: RequestOf<Operation>, caller: OrgCaller = manager): Promise<ResponseOf<Operation>> =>
    new OperationClient(stack.rpc).send(operation, payload, caller, { timeoutMs: 10_000 });
  const valuate = (dto: ValuateDto, caller: OrgCaller = manager) => call(ValuationOperations.valuate, { valuationDate: DATE, ...dto }, caller);

  it('values a property from its attributes with a range, both methods, the comparables used and the model version', async () => {
    const valuation = await valuate(house);
    // The data ends on 2015-01-31: a later valuation reflects that market level, not an extrapolated trend.
    expect(valuation).toMatchObject({ currency: 'USD', valuationDate: DATE, marketDate: '2015-01-31', modelVersion: 'USD-1', rangeCoverage: 0.8, propertyId: null, assumed: ['waterfront', 'view'] });
    expect(valuation.lowCents).toBeLessThan(valuation.estimateCents);
    expect(valuation.highCents).toBeGreaterThan(valuation.estimateCents);
    expect(['high', 'medium', 'low']).toContain(valuation.confidence);
    expect(valuation.methods.map((method) => method.method)).toEqual(['comparable', 'hedonic']);
    expect(valuation.methods[0].weight + valuation.methods[1].weight).toBeCloseTo(1, 3);
    expect(valuation.comparables).toHaveLength(12);
    for (const comparable of valuation.comparables) {
      expect(comparable.distanceKm).toBeLessThanOrEqual(25);
      expect(comparable.saleDate <= DATE).toBe(true);
      expect(comparable.own).toBe(false);
    }
    expect(valuation.comparables.reduce((sum, comparable) => sum + comparable.weight, 0)).toBeCloseTo(1, 3);
    // Fremont houses of this size sold for $400k–$1M in the data.
    expect(valuation.estimateCents).toBeGreaterThan(40_000_000);
    expect(valuation.estimateCents).toBeLessThan(100_000_000);

    expect(await call(ValuationOperations.get, { id: valuation.id })).toEqual(valuation);
    await waitFor(() => events.events.some((event) => event.payload.valuationId === valuation.id));
    expect(events.events.find((event) => event.payload.valuationId === valuation.id)).toMatchObject({
      type: ValuationEvent.COMPLETED,
      organizationId: manager.organizationId,
      payload: { estimateCents: valuation.estimateCents, currency: 'USD', modelVersion: 'USD-1' },
    });
  });

  it('values more of the same for more: a bigger house, a better grade, the waterfront', async () => {
    const base = (await valuate(house)).estimateCents;
    expect((await valuate({ ...house, livingArea: 250 })).estimateCents).toBeGreaterThan(base);
    expect((await valuate({ ...house, qualityGrade: 10 })).estimateCents).toBeGreaterThan(base);
    expect((await valuate({ ...house, waterfront: true, view: 4 })).estimateCents).toBeGreaterThan(base);
  });

  it('values a portfolio property or unit by id, filling in what the request does not say', async () => {
    const propertyId = portfolio.addProperty(manager.organizationId, {
      livingArea: 150, plotArea: 400, floors: 2, yearBuilt: 1995, condition: 'good', coordinates: { lat: 47.6965, lng: -122.342 },
    });
    const byProperty = await valuate({ propertyId });
    expect(byProperty).toMatchObject({ propertyId, unitId: null, attributes: { livingArea: 150, condition: 4, yearBuilt: 1995, postalCode: '98103' } });
    expect(byProperty.assumed).toEqual(expect.arrayContaining(['bedrooms', 'bathrooms', 'qualityGrade']));
    expect((await valuate({ propertyId, qualityGrade: 11 })).estimateCents).toBeGreaterThan(byProperty.estimateCents);
    const earlier = await valuate({ propertyId, valuationDate: '2014-09-30' });
    expect(earlier.marketDate).toBe('2014-09-30');
    expect(earlier.comparables.every((comparable) => comparable.saleDate <= '2014-09-30')).toBe(true);

    const unitId = portfolio.addUnit(manager.organizationId, propertyId, { area: 70, bedrooms: 2, bathrooms: 1 });
    const byUnit = await valuate({ unitId });
    expect(byUnit).toMatchObject({ propertyId, unitId, attributes: { livingArea: 70, bedrooms: 2, bathrooms: 1 } });
    expect(byUnit.estimateCents).toBeLessThan(byProperty.estimateCents);

    const listed = await call(ValuationOperations.list, { propertyId });
    expect(listed.total).toBe(4);
    expect(listed.items.map((item) => item.propertyId)).toEqual([propertyId, propertyId, propertyId, propertyId]);
    expect((await call(ValuationOperations.list, { unitId })).items.map((item) => item.id)).toEqual([byUnit.id]);
  });

  it('assumes the nearest sale’s postal code when none is given, and says so', async () => {
    const valuation = await valuate({ ...house, postalCode: undefined });
    expect(valuation.attributes.postalCode).toBe('98103');
    expect(valuation.assumed).toContain('postalCode');
  });

  it('answers 422 with what is missing, and for places outside the market data, changing nothing', async () => {
    const before = (await call(ValuationOperations.list, {})).total;
    const empty = await rpcFailure(valuate({}));
    expect([empty.status, empty.code]).toEqual([422, 'VALUATION_ATTRIBUTES_MISSING']);
    expect(empty.body.errors?.map((error) => error.field)).toEqual(['livingArea', 'yearBuilt', 'coordinates']);

    const bare = portfolio.addProperty(manager.organizationId, { livingArea: 120 });
    const missing = await rpcFailure(valuate({ propertyId: bare }));
    expect(missing.body.errors).toEqual([
      { field: 'yearBuilt', message: `yearBuilt is needed for a valuation: set it on property ${bare} in portfolio or send it in the request` },
      { field: 'coordinates', message: `coordinates is needed for a valuation: set it on property ${bare} in portfolio or send it in the request` },
    ]);

    const berlin = await rpcFailure(valuate({ ...house, coordinates: { lat: 52.52, lng: 13.405 }, postalCode: '10115' }));
    expect([berlin.status, berlin.code]).toEqual([422, 'VALUATION_NO_MARKET_DATA']);
    expect((await rpcFailure(valuate({ ...house, valuationDate: '2999-01-01' }))).body.errors?.[0].field).toBe('valuationDate');
    expect((await rpcFailure(valuate({ propertyId: bare, unitId: randomUUID() }))).body.errors?.[0].field).toBe('unitId');
    expect((await rpcFailure(valuate({ ...house, livingArea: -5 }))).status).toBe(422);
    expect((await call(ValuationOperations.list, {})).total).toBe(before);
  });

  it("answers another organization's valuations, properties and units with 404", async () => {
    const mine = await valuate(house);
    expect((await rpcFailure(call(ValuationOperations.get, { id: mine.id }, otherOrg))).status).toBe(404);
    expect((await call(ValuationOperations.list, {}, otherOrg)).items.map((item) => item.id)).not.toContain(mine.id);
    const foreignProperty = portfolio.addProperty(otherOrg.organizationId, { livingArea: 100, yearBuilt: 1980, coordinates: { lat: 47.6, lng: -122.3 } });
    const foreign = await rpcFailure(valuate({ propertyId: foreignProperty }));
    expect([foreign.status, foreign.message]).toEqual([404, `Property ${foreignProperty} not found`]);
    expect((await rpcFailure(valuate({ unitId: randomUUID() }))).status).toBe(404);
    expect((await rpcFailure(call(ValuationOperations.get, { id: randomUUID() }))).status).toBe(404);
  });

  it("uses an organization's own sales as comparables only in its own valuations", async () => {
    const spot = { lat: 47.6201, lng: -122.3551 };
    const own = { ...house, coordinates: spot, saleDate: '2015-01-25', priceCents: 150_000_000, currency: 'USD', externalId: 'deal-7' };
    expect(await call(MarketDataOperations.addSales, { sales: [own] })).toEqual({ inserted: 1, skipped: 0 });
    const mine = await valuate({ ...house, coordinates: spot });
    const theirs = await valuate({ ...house, coordinates: spot }, otherOrg);
    expect(mine.comparables.find((comparable) => comparable.own)).toMatchObject({ sourceId: 'deal-7', priceCents: 150_000_000, saleDate: '2015-01-25' });
    expect(theirs.comparables.some((comparable) => comparable.own || comparable.sourceId === 'deal-7')).toBe(false);
    expect(mine.estimateCents).toBeGreaterThan(theirs.estimateCents);
  });

  it('is for staff: a resident-only caller gets 403', async () => {
    const resident = testCaller(manager.organizationId, { roles: ['resident'], scopes: ['read'] });
    expect((await rpcFailure(call(ValuationOperations.list, {}, resident))).status).toBe(403);
    expect((await rpcFailure(valuate(house, resident))).status).toBe(403);
  });
});
