import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { MarketDataSubjects, ModelSubjects, ValuationSubjects } from '@quartier/contracts-valuation';
import { GatewayHarness, ReceivedRequest, respond, startGatewayHarness } from '../../../test/gateway-harness';

const MISSING = '00000000-0000-4000-8000-000000000000';
const house = { livingArea: 150, yearBuilt: 1995, coordinates: { lat: 47.6965, lng: -122.342 } };

/** The /api/v1/avm routes against stand-in valuation responders. */
describe('valuation routes', () => {
  let harness: GatewayHarness;
  let token: string;
  const seen: Record<string, ReceivedRequest> = {};

  beforeAll(async () => {
    harness = await startGatewayHarness();
    token = await harness.token({ roles: ['manager'] });
    const subjects = [ValuationSubjects, MarketDataSubjects, ModelSubjects].flatMap((group) => Object.values(group));
    for (const subject of subjects) {
      respond(harness.stack.nats, harness.stack.prefix, subject, (received) => {
        seen[subject] = received;
        const data = received.data as { id?: string; propertyId?: string };
        if (data.id === MISSING || data.propertyId === MISSING) throw { status: 404, code: 'NOT_FOUND', message: 'Valuation not found' };
        if (subject === ValuationSubjects.valuate && !('livingArea' in data)) {
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
      ['post', '/avm/valuate', { ...house, valuationDate: '2015-02-01' }, ValuationSubjects.valuate, { ...house, valuationDate: '2015-02-01' }, 201],
      ['post', '/avm/valuate', { propertyId: id, livingArea: 90 }, ValuationSubjects.valuate, { propertyId: id, livingArea: 90 }, 201],
      ['get', `/avm/valuations?propertyId=${id}&size=5`, undefined, ValuationSubjects.list, { propertyId: id, size: 5 }, 200],
      ['get', `/avm/valuations/${id}`, undefined, ValuationSubjects.get, { id }, 200],
      ['get', '/avm/market-data?postalCode=98103&lat=47.6&lng=-122.3&radiusKm=2.5', undefined, MarketDataSubjects.summary, { postalCode: '98103', lat: 47.6, lng: -122.3, radiusKm: 2.5 }, 200],
      ['post', '/avm/market-data/sales', { sales: [sale] }, MarketDataSubjects.addSales, { sales: [sale] }, 200],
      ['get', '/avm/market-data/sales?page=2', undefined, MarketDataSubjects.listSales, { page: 2 }, 200],
      ['get', '/avm/models', undefined, ModelSubjects.current, {}, 200],
    ];
    for (const [method, path, body, subject, payload, status] of cases) {
      const response = await call(method, path, body);
      expect([method, path, response.status]).toEqual([method, path, status]);
      expect([path, seen[subject]?.data]).toEqual([path, payload]);
    }
    expect(seen[ValuationSubjects.valuate].headers['x-organization-id']).toBe(harness.organizationId);
    expect((await call('delete', `/avm/market-data/sales/${id}`)).status).toBe(204);
    expect(seen[MarketDataSubjects.deleteSale].data).toEqual({ id });
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

  it('lets owners and admins refit, viewers read, and nobody without write valuate', async () => {
    expect((await call('post', '/avm/models/refit', {})).status).toBe(403);
    const admin = await harness.token({ roles: ['admin'] });
    expect((await call('post', '/avm/models/refit', {}, admin)).status).toBe(200);
    expect(seen[ModelSubjects.refit].headers['x-roles']).toContain('admin');
    const viewer = await harness.token({ roles: ['viewer'] });
    expect((await call('get', '/avm/valuations', undefined, viewer)).status).toBe(200);
    expect((await call('post', '/avm/valuate', house, viewer)).status).toBe(403);
    expect((await request(harness.url).post('/api/v1/avm/valuate').send(house)).status).toBe(401);
  });
});
