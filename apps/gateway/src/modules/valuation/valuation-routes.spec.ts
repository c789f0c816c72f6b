import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { isComponentName } from '@quartier/contracts-shared';
import { RunningSuite, SuiteOptions, startSuite } from '@quartier/launcher';
import { MarketDataOperations, ModelOperations, VALUATION_OPERATIONS, ValuationOperations } from '@quartier/contracts-valuation';
import { GatewayHarness, ReceivedRequest, respond, startGatewayHarness } from '../../../test/gateway-harness';

const MISSING = '00000000-0000-4000-8000-000000000000';
const house = { livingArea: 150, yearBuilt: 1995, coordinates: { lat: 47.6965, lng: -122.342 } };

/** The /api/v1/avm routes against stand-in valuation responders: what the gateway sends and answers. */
describe('valuation routes', () => {
  let harness: GatewayHarness;
  let token: string;
  const seen: Record<string, ReceivedRequest> = {};

  beforeAll(async () => {
    harness = await startGatewayHarness();
    token = await harness.token({ roles: ['manager'] });
    for (const { subject } of VALUATION_OPERATIONS) {
      respond(harness.stack.nats, harness.stack.prefix, subject, (received) => {
        seen[subject] = received;
        const data = received.data as { id?: string; propertyId?: string };
        if (data.id === MISSING || data.propertyId === MISSING) throw { status: 404, code: 'NOT_FOUND', message: 'Valuation not found' };
        if (subject === ValuationOperations.valuate.subject && !('livingArea' in data)) {
          throw {
            status: 422,
            code: 'VALUATION_ATTRIBUTES_MISSING',
            message: 'A valuation needs livingArea, yearBuilt, coordinates',
            details: { missing: ['livingArea', 'yearBuilt', 'coordinates'] },
            errors: [{ field: 'livingArea', message: 'livingArea is needed for a valuation: send it in the request' }],
          };
        }
        return { subject, data: received.data };
      });
    }
  });
  afterAll(async () => {
    await harness?.teardown();
  });

  const call = (method: 'get' | 'post' | 'delete', path: string, body?: object, bearer = token) => {
    const pending = request(harness.url)[method](`/api/v1${path}`).set('Authorization', `Bearer ${bearer}`);
    return body ? pending.send(body) : pending;
  };

  it('maps every route to its subject with the caller and the path ids', async () => {
    const id = randomUUID();
    const sale = { saleDate: '2015-01-02', priceCents: 50_000_000, currency: 'USD', ...house };
    const cases: [Parameters<typeof call>[0], string, object | undefined, string, unknown, number][] = [
      ['post', '/avm/valuate', { ...house, valuationDate: '2015-02-01' }, ValuationOperations.valuate.subject, { ...house, valuationDate: '2015-02-01' }, 201],
      ['post', '/avm/valuate', { propertyId: id, livingArea: 90 }, ValuationOperations.valuate.subject, { propertyId: id, livingArea: 90 }, 201],
      ['get', `/avm/valuations?propertyId=${id}&size=5`, undefined, ValuationOperations.list.subject, { propertyId: id, size: 5 }, 200],
      ['get', `/avm/valuations/${id}`, undefined, ValuationOperations.get.subject, { id }, 200],
      ['get', '/avm/market-data?postalCode=98103&lat=47.6&lng=-122.3&radiusKm=2.5', undefined, MarketDataOperations.summary.subject, { postalCode: '98103', lat: 47.6, lng: -122.3, radiusKm: 2.5 }, 200],
      ['post', '/avm/market-data/sales', { sales: [sale] }, MarketDataOperations.addSales.subject, { sales: [sale] }, 200],
      ['get', '/avm/market-data/sales?page=2', undefined, MarketDataOperations.listSales.subject, { page: 2 }, 200],
      ['get', '/avm/models', undefined, ModelOperations.current.subject, {}, 200],
    ];
    for (const [method, path, body, subject, payload, status] of cases) {
      const response = await call(method, path, body);
      expect([method, path, response.status]).toEqual([method, path, status]);
      expect([path, seen[subject]?.data]).toEqual([path, payload]);
    }
    expect(seen[ValuationOperations.valuate.subject].caller.organizationId).toBe(harness.organizationId);
    expect((await call('delete', `/avm/market-data/sales/${id}`)).status).toBe(204);
    expect(seen[MarketDataOperations.deleteSale.subject].data).toEqual({ id });
  });

  it('validates at the edge (422) and passes the service’s 422 and 404 problems through', async () => {
    const invalid = await call('post', '/avm/valuate', { livingArea: -1, condition: 9, coordinates: { lat: 100, lng: 0 } });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['condition', 'coordinates.lat', 'livingArea']);
    expect((await call('get', '/avm/valuations/not-a-uuid')).status).toBe(422);
    expect((await call('post', '/avm/market-data/sales', { sales: [] })).status).toBe(422);

    const missing = await call('post', '/avm/valuate', { yearBuilt: 1990 });
    expect(missing.status).toBe(422);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(missing.body).toMatchObject({ code: 'VALUATION_ATTRIBUTES_MISSING', details: { missing: ['livingArea', 'yearBuilt', 'coordinates'] }, errors: [{ field: 'livingArea' }] });
    expect((await call('get', `/avm/valuations/${MISSING}`)).status).toBe(404);
  });

  it('lets only platform operators refit, viewers read, and nobody without write valuate', async () => {
    expect((await call('post', '/avm/models/refit', {})).status).toBe(403);
    const owner = await harness.token({ roles: ['owner'] });
    const refused = await call('post', '/avm/models/refit', {}, owner);
    expect([refused.status, refused.headers['content-type'], refused.body.code]).toEqual([403, expect.stringMatching(/application\/problem\+json/), 'FORBIDDEN']);
    expect(seen[ModelOperations.refit.subject]).toBeUndefined();
    const operator = await harness.token({ roles: ['viewer'], platformOperator: true });
    expect((await call('post', '/avm/models/refit', {}, operator)).status).toBe(200);
    expect(seen[ModelOperations.refit.subject].caller.roles).toEqual(['viewer', 'platform_operator']);
    const viewer = await harness.token({ roles: ['viewer'] });
    expect((await call('get', '/avm/valuations', undefined, viewer)).status).toBe(200);
    expect((await call('post', '/avm/valuate', house, viewer)).status).toBe(403);
    expect((await request(harness.url).post('/api/v1/avm/valuate').send(house)).status).toBe(401);
  });
});

/** What suite.js accepts as `options.bus` (not in its type declarations yet). */
interface SuiteBus {
  url: string;
  envFor(app: string): NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

/**
 * The same routes through the gateway to the real valuation service (its own process, as
 * `npm start` runs it, on the harness's database and NATS prefix): payloads the service accepts,
 * its answers and its errors, not an echo.
 */
describe('valuation routes against the valuation service', () => {
  let harness: GatewayHarness;
  let valuation: RunningSuite;
  let manager: string;

  beforeAll(async () => {
    harness = await startGatewayHarness();
    // The launcher joins the app to the harness's bus with the valuation key (suite.js `options.bus`).
    const options: SuiteOptions & { bus: SuiteBus } = {
      services: ['valuation'],
      quiet: true,
      env: { ...harness.stack.env, AVM_FIT_ON_BOOT: 'false' },
      bus: { url: harness.stack.bus.url, envFor: (app) => (isComponentName(app) ? harness.stack.envFor(app) : {}), stop: async () => undefined },
    };
    valuation = await startSuite(options);
    manager = await harness.token({ roles: ['manager'] });
  }, 120_000);
  afterAll(async () => {
    await valuation?.stop();
    await harness?.teardown();
  });

  const api = (bearer: string) => ({
    get: (path: string) => request(harness.url).get(`/api/v1${path}`).set('Authorization', `Bearer ${bearer}`),
    post: (path: string, body: object) => request(harness.url).post(`/api/v1${path}`).set('Authorization', `Bearer ${bearer}`).send(body),
    delete: (path: string) => request(harness.url).delete(`/api/v1${path}`).set('Authorization', `Bearer ${bearer}`),
  });

  it('adds, lists and deletes own comparable sales with the service’s answers and statuses', async () => {
    const sale = { saleDate: '2015-01-02', priceCents: 50_000_000, currency: 'USD', ...house };
    const added = await api(manager).post('/avm/market-data/sales', { sales: [{ ...sale, externalId: 'crm-1' }, { ...sale, externalId: 'crm-2', priceCents: 40_000_000 }] });
    expect([added.status, added.body]).toEqual([200, { inserted: 2, skipped: 0 }]);
    const listed = await api(manager).get('/avm/market-data/sales?sort=priceCents&size=5');
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ total: 2, page: 1, size: 5 });
    expect(listed.body.items.map((item: { sourceId: string }) => item.sourceId)).toEqual(['crm-2', 'crm-1']);

    const [cheaper] = listed.body.items;
    const deleted = await api(manager).delete(`/avm/market-data/sales/${cheaper.id}`);
    expect([deleted.status, deleted.text]).toEqual([204, '']);
    expect((await api(manager).delete(`/avm/market-data/sales/${cheaper.id}`)).status).toBe(404);
    expect((await api(manager).get('/avm/market-data/sales?sort=lat')).body).toMatchObject({ status: 422, errors: [{ field: 'sort' }] });
  });

  it('passes the service’s coded errors and its checks of the caller through as problems', async () => {
    expect((await api(manager).get('/avm/models')).body).toEqual({ items: [] });
    // The sale kept by the test above lies near this house, but no model was fitted yet.
    const unfitted = await api(manager).post('/avm/valuate', { ...house, valuationDate: '2015-02-01' });
    expect([unfitted.status, unfitted.body.code]).toEqual([409, 'VALUATION_MODEL_NOT_FITTED']);
    const far = await api(manager).post('/avm/valuate', { ...house, coordinates: { lat: 52.52, lng: 13.405 } });
    expect([far.status, far.body.code]).toEqual([422, 'VALUATION_NO_MARKET_DATA']);
    expect((await api(manager).get(`/avm/valuations/${MISSING}`)).status).toBe(404);
    // The gateway lets a resident read; the service keeps its staff tools to the staff.
    const resident = await harness.token({ roles: ['resident'] });
    expect((await api(resident).get('/avm/valuations')).status).toBe(403);
  });
});
