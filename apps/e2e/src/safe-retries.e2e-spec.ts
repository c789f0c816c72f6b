import { Client } from 'pg';
import request from 'supertest';
import { E2eSuite, startE2eSuite } from './support/suite';
import { Session, bearer, propertyBody, registerOrganization } from './support/session';

/** Every component's bus deadline: the gateway answers 504 after it. */
const TIMEOUT_MS = 2000;

/**
 * A create and a lease activation that the gateway gave up on (504) while the service went on and
 * committed: the client's retry with the same Idempotency-Key gets the stored 2xx, never a
 * duplicate or a 409. The service is held up by a table lock the spec takes in Postgres.
 */
describe('safe retries end to end', () => {
  let suite: E2eSuite;
  let owner: Session;
  let database: Client;
  let buildingId: string;
  const today = new Date().toISOString().slice(0, 10);

  const api = (key?: string) => {
    const agent = request(suite.baseUrl);
    const headers = { ...bearer(owner), ...(key ? { 'Idempotency-Key': key } : {}) };
    return {
      get: (path: string) => agent.get(path).set(headers),
      post: (path: string, body: object = {}) => agent.post(path).set(headers).send(body),
    };
  };

  /** Runs `work` while `table` refuses writes, then lets the held-up writes through. */
  async function whileLocked<T>(table: string, work: () => Promise<T>): Promise<T> {
    await database.query('BEGIN');
    await database.query(`LOCK TABLE ${table} IN SHARE MODE`);
    try {
      return await work();
    } finally {
      await database.query('COMMIT');
    }
  }

  beforeAll(async () => {
    suite = await startE2eSuite(
      { NATS_TIMEOUT_MS: String(TIMEOUT_MS), LEASING_TIME_ZONE: 'UTC', RENT_JOB_INTERVAL_MS: '0', RATE_LIMIT_PER_MINUTE: '10000' },
      ['identity', 'portfolio', 'leasing', 'gateway'],
    );
    database = new Client({ connectionString: suite.databaseUrl });
    await database.connect();
    owner = await registerOrganization(suite.baseUrl, 'Retry Hausverwaltung');
    const propertyId = (await api().post('/properties', propertyBody()).expect(201)).body.id;
    buildingId = (await api().post('/buildings', { propertyId, name: 'Hinterhaus', floors: 3 }).expect(201)).body.id;
  }, 180_000);
  afterAll(async () => {
    await database?.end();
    await suite?.stop();
  });

  const unitsNumbered = async (number: string): Promise<{ id: string }[]> =>
    (await api().get(`/units?buildingId=${buildingId}&size=100`).expect(200)).body.items.filter((unit: { number: string }) => unit.number === number);

  it('retries a unit create that answered 504 into one unit and a 201', async () => {
    const body = { buildingId, number: '3.07', floor: 3, type: 'apartment', area: 61, rooms: 2 };
    const timedOut = await whileLocked('portfolio.units', () => api('create-unit-307').post('/units', body));
    expect([timedOut.status, timedOut.body.code]).toEqual([504, 'UPSTREAM_TIMEOUT']);

    const retried = await api('create-unit-307').post('/units', body);
    expect(retried.status).toBe(201);
    const again = await api('create-unit-307').post('/units', body);
    expect([again.status, again.body.id]).toEqual([201, retried.body.id]);
    expect((await unitsNumbered('3.07')).map((unit) => unit.id)).toEqual([retried.body.id]);

    const reused = await api('create-unit-307').post('/units', { ...body, rooms: 3 });
    expect([reused.status, reused.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
  }, 60_000);

  it('retries a lease activation that answered 504 into one active lease and a 200, where a plain repeat is a 409', async () => {
    const unitId = (await api().post('/units', { buildingId, number: '1.01', floor: 1, type: 'apartment', area: 48, rooms: 2 }).expect(201)).body.id;
    const tenantId = (await api().post('/tenants', { firstName: 'Rita', lastName: 'Retry', email: 'rita.retry@example.de' }).expect(201)).body.id;
    const lease = { tenantId, unitId, startDate: today, coldRentCents: 80_000, serviceChargeCents: 15_000, dueDay: 3, graceDays: 5 };
    const leaseId = (await api().post('/leases', lease).expect(201)).body.id;

    const timedOut = await whileLocked('leasing.leases', () => api('activate-1').post(`/leases/${leaseId}/activate`));
    expect(timedOut.status).toBe(504);

    const retried = await api('activate-1').post(`/leases/${leaseId}/activate`);
    expect([retried.status, retried.body.id, retried.body.status]).toEqual([200, leaseId, 'active']);
    expect((await api().post(`/leases/${leaseId}/activate`)).status).toBe(409);
    const leases = (await api().get(`/tenants/${tenantId}/leases`).expect(200)).body.items;
    expect(leases.map((item: { id: string; status: string }) => [item.id, item.status])).toEqual([[leaseId, 'active']]);
  }, 60_000);
});
