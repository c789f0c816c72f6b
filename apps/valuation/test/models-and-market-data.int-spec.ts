import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AnyOperation, OrgCaller, RequestOf, ResponseOf } from '@quartier/contracts-shared';
import { MarketDataOperations, ModelOperations, ValuationOperations } from '@quartier/contracts-valuation';
import { OperationClient } from '@quartier/messaging';
import { TestStack, rpcFailure, startTestStack, testCaller } from '@quartier/testing';
import { importMarketSales } from '../src/modules/market-data/market-import';
import { parseKingCountyCsv } from '../src/modules/market-data/king-county-csv';
import { haversineKm } from '../src/modules/models/geo';
import { valuationService } from '../src/valuation.service-app';
import { KING_COUNTY_CSV, operatorDataSource } from './helpers';

const house = { livingArea: 150, yearBuilt: 1995, coordinates: { lat: 47.6965, lng: -122.342 }, postalCode: '98103' };
const KING_COUNTY = { source: 'king-county', currency: 'USD' };

describe('market data and model fitting', () => {
  let stack: TestStack;
  let operator: DataSource;
  const owner = testCaller(randomUUID());
  const manager = testCaller(owner.organizationId, { roles: ['manager'], scopes: ['read', 'write', 'delete'] });
  const otherOrg = testCaller(randomUUID());
  // Listed in PLATFORM_OPERATORS: identity adds the role to an organization member's token.
  const platformOperator = testCaller(randomUUID(), { roles: ['viewer', 'platform_operator'], scopes: ['read'] });
  const file = parseKingCountyCsv(readFileSync(KING_COUNTY_CSV, 'utf8')).sales;

  beforeAll(async () => {
    stack = await startTestStack([valuationService], { AVM_FIT_ON_BOOT: 'false' });
    operator = await operatorDataSource(stack.database.url);
  });
  afterAll(async () => {
    await operator?.destroy();
    await stack?.teardown();
  });

  const call = <Operation extends AnyOperation>(operation: Operation, payload: RequestOf<Operation>, caller: OrgCaller = owner): Promise<ResponseOf<Operation>> =>
    new OperationClient(stack.rpc).send(operation, payload, caller, { timeoutMs: 20_000 });

  it('refuses valuations without market data (422) and before a model is fitted (409)', async () => {
    const none = await rpcFailure(call(ValuationOperations.valuate, house));
    expect([none.status, none.code]).toEqual([422, 'VALUATION_NO_MARKET_DATA']);
    const importResult = await importMarketSales(operator, KING_COUNTY_CSV, KING_COUNTY);
    expect(importResult).toEqual({ read: 15_611, inserted: 15_611, skipped: 0, rejected: [] });
    const unfitted = await rpcFailure(call(ValuationOperations.valuate, house));
    expect([unfitted.status, unfitted.code]).toEqual([409, 'VALUATION_MODEL_NOT_FITTED']);
    expect(await call(ModelOperations.current, {})).toEqual({ items: [] });
  });

  it('imports the same file again without duplicating a sale', async () => {
    expect(await importMarketSales(operator, KING_COUNTY_CSV, KING_COUNTY)).toEqual({ read: 15_611, inserted: 0, skipped: 15_611, rejected: [] });
    const [{ count }] = await operator.query('SELECT count(*)::int AS count FROM market_sales WHERE organization_id IS NULL');
    expect(count).toBe(15_611);
  });

  it('lets only platform operators refit, and persists the model with its training window and held-out accuracy', async () => {
    expect((await rpcFailure(call(ModelOperations.refit, {}, manager))).status).toBe(403);
    // The models value every organization's properties: an organization's owner may not refit them.
    expect((await rpcFailure(call(ModelOperations.refit, {}, owner))).status).toBe(403);
    const { items } = await call(ModelOperations.refit, {}, platformOperator);
    expect(items).toHaveLength(1);
    const [model] = items;
    expect(model).toMatchObject({ version: 'USD-1', currency: 'USD', trainingFrom: '2014-05-02', trainingTo: '2015-01-31', sampleSize: 15_611, rangeCoverage: 0.8 });
    // Held out: the latest sales, predicted by a model fitted on the earlier ones.
    expect(model.validation.from > '2014-12-01').toBe(true);
    expect(model.validation.blend.mdape).toBeLessThan(12);
    expect(model.validation.blend.coverage).toBeGreaterThan(0.75);
    const [stored] = await operator.query('SELECT version, training_to::text AS "trainingTo", parameters -> \'hedonic\' -> \'features\' AS features FROM avm_models');
    expect(stored.version).toBe(1);
    expect(stored.trainingTo).toBe('2015-01-31');
    expect(stored.features.map((feature: { name: string }) => feature.name)).toContain('logArea');
    expect(await call(ModelOperations.current, {}, otherOrg)).toEqual({ items: [expect.objectContaining({ id: model.id })] });
  });

  it('fits at boot only when platform market data changed since the last fit', async () => {
    stack.env.AVM_FIT_ON_BOOT = 'true';
    await stack.stop('valuation');
    await stack.start(valuationService);
    expect((await call(ModelOperations.current, {})).items.map((m) => m.version)).toEqual(['USD-1']);

    const directory = mkdtempSync(join(tmpdir(), 'valuation-'));
    const lines = readFileSync(KING_COUNTY_CSV, 'utf8').split('\n');
    writeFileSync(join(directory, 'late.csv'), `${lines[0]}\n${lines[1].replace(/^\d+,\d{8}/, '1,20150215')}\n`);
    expect((await importMarketSales(operator, join(directory, 'late.csv'), { source: 'fixture', currency: 'USD' })).inserted).toBe(1);
    await stack.stop('valuation');
    await stack.start(valuationService);
    const { items } = await call(ModelOperations.current, {});
    expect(items.map((m) => [m.version, m.sampleSize, m.trainingTo])).toEqual([['USD-2', 15_612, '2015-02-15']]);
  });

  it('summarises the market: count, median price per m² and the monthly trend, by postal code or radius', async () => {
    const all = await call(MarketDataOperations.summary, {});
    expect(all).toMatchObject({ count: 15_612, currency: 'USD', from: '2014-05-02', to: '2015-02-15', ownCount: 0 });
    expect(all.months.map((month) => month.month)).toEqual(['2014-05', '2014-06', '2014-07', '2014-08', '2014-09', '2014-10', '2014-11', '2014-12', '2015-01', '2015-02']);
    expect(all.months[1].change).toBeCloseTo(all.months[1].medianPricePerM2Cents / all.months[0].medianPricePerM2Cents - 1, 3);

    const inPostalCode = await call(MarketDataOperations.summary, { postalCode: '98103', to: '2015-01-31' });
    expect(inPostalCode.count).toBe(file.filter((sale) => sale.postalCode === '98103').length);
    const around = await call(MarketDataOperations.summary, { lat: 47.6965, lng: -122.342, radiusKm: 1.5, to: '2015-01-31' });
    expect(around.count).toBe(file.filter((sale) => haversineKm(47.6965, -122.342, sale.lat, sale.lon) <= 1.5).length);
    expect(around.medianPricePerM2Cents).toBeGreaterThan(all.medianPricePerM2Cents ?? 0);

    const partial = await rpcFailure(call(MarketDataOperations.summary, { lat: 47.6 }));
    expect(partial.status).toBe(422);
    expect(partial.body.errors?.map((error) => error.field)).toEqual(['lng', 'radiusKm']);
  });

  it('keeps an organization’s own comparable sales to itself and adds each externalId once', async () => {
    const sale = { saleDate: '2015-01-20', priceCents: 99_000_000, currency: 'USD', livingArea: 140, yearBuilt: 1990, coordinates: { lat: 47.55, lng: -122.3 }, postalCode: 'OWN-1' };
    const sales = [{ ...sale, externalId: 'crm-1' }, { ...sale, externalId: 'crm-2', priceCents: 88_000_000 }];
    expect(await call(MarketDataOperations.addSales, { sales }, manager)).toEqual({ inserted: 2, skipped: 0 });
    expect(await call(MarketDataOperations.addSales, { sales }, manager)).toEqual({ inserted: 0, skipped: 2 });
    // Another organization may use the same external ids for its own sales.
    expect(await call(MarketDataOperations.addSales, { sales: sales.slice(0, 1) }, otherOrg)).toEqual({ inserted: 1, skipped: 0 });

    const own = await call(MarketDataOperations.listSales, { sort: 'priceCents' }, manager);
    expect(own.items.map((item) => [item.sourceId, item.priceCents])).toEqual([['crm-2', 88_000_000], ['crm-1', 99_000_000]]);
    expect((await rpcFailure(call(MarketDataOperations.listSales, { sort: 'lat' }, manager))).status).toBe(422);
    expect((await call(MarketDataOperations.summary, { postalCode: 'OWN-1' }, manager))).toMatchObject({ count: 2, ownCount: 2, medianPriceCents: 93_500_000 });
    expect((await call(MarketDataOperations.summary, { postalCode: 'OWN-1' }, otherOrg))).toMatchObject({ count: 1, ownCount: 1 });

    // Past the typed client: the service validates what any component on the bus sends.
    const invalid = await rpcFailure(stack.rpc.request(MarketDataOperations.addSales.subject, { sales: [{ ...sale, priceCents: 0, coordinates: undefined }] }, manager));
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors?.map((error) => error.field).sort()).toEqual(['sales.0.coordinates', 'sales.0.priceCents']);
    expect((await call(MarketDataOperations.listSales, {}, manager)).total).toBe(2);

    const [first] = own.items;
    expect((await rpcFailure(call(MarketDataOperations.deleteSale, { id: first.id }, otherOrg))).status).toBe(404);
    const [platformSale] = await operator.query('SELECT id FROM market_sales WHERE organization_id IS NULL LIMIT 1');
    expect((await rpcFailure(call(MarketDataOperations.deleteSale, { id: platformSale.id }, manager))).status).toBe(404);
    expect(await call(MarketDataOperations.deleteSale, { id: first.id }, manager)).toEqual({ deleted: true });
    expect((await call(MarketDataOperations.listSales, {}, manager)).items.map((item) => item.sourceId)).toEqual(['crm-1']);
  });
});
