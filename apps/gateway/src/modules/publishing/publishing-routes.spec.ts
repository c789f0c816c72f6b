import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ChannelSubjects, FeedSubjects, JobSubjects, ListingSubjects, PUBLISHING_OPERATIONS } from '@quartier/contracts-publishing';
import { isComponentName } from '@quartier/contracts-shared';
import { RunningSuite, SuiteOptions, startSuite } from '@quartier/launcher';
import { GatewayHarness, ReceivedRequest, respond, startGatewayHarness } from '../../../test/gateway-harness';

const MISSING = '00000000-0000-4000-8000-000000000000';
const FEED = '<?xml version="1.0" encoding="UTF-8"?>\n<openimmo/>';

/** The /api/v1/listings and /api/v1/publishing routes against stand-in publishing responders. */
describe('publishing routes', () => {
  let harness: GatewayHarness;
  let token: string;
  const seen: Record<string, ReceivedRequest> = {};

  beforeAll(async () => {
    harness = await startGatewayHarness();
    token = await harness.token({ roles: ['manager'] });
    for (const { subject } of PUBLISHING_OPERATIONS) {
      respond(harness.stack.nats, harness.stack.prefix, subject, (received) => {
        seen[subject] = received;
        const data = received.data as { id?: string };
        if (data.id === MISSING) throw { status: 404, code: 'NOT_FOUND', message: 'Listing not found' };
        if (subject === ListingSubjects.publish) {
          throw { status: 422, code: 'PUBLISHING_LISTING_INCOMPLETE', message: 'The listing lacks what immoscout24 requires', details: { missing: { immoscout24: ['energyCertificate'] } }, errors: [{ field: 'energyCertificate', message: 'immoscout24 requires energyCertificate' }] };
        }
        if (subject === FeedSubjects.get) return { filename: 'openimmo-immowelt-full.xml', content: FEED };
        return { subject, data: received.data };
      });
    }
  });
  afterAll(async () => {
    await harness?.teardown();
  });

  const call = (method: 'get' | 'post' | 'patch' | 'put' | 'delete', path: string, body?: object, bearer = token) => {
    const pending = request(harness.url)[method](`/api/v1${path}`).set('Authorization', `Bearer ${bearer}`);
    return body ? pending.send(body) : pending;
  };

  it('maps every route to its subject with the caller and the path ids', async () => {
    const id = randomUUID();
    const propertyId = randomUUID();
    const cases: [Parameters<typeof call>[0], string, object | undefined, string, unknown, number][] = [
      ['post', '/listings', { propertyId, marketingType: 'rent', title: 'Altbau' }, ListingSubjects.create, { propertyId, marketingType: 'rent', title: 'Altbau' }, 201],
      ['get', `/listings?status=published&propertyId=${propertyId}`, undefined, ListingSubjects.list, { status: 'published', propertyId }, 200],
      ['get', `/listings/${id}`, undefined, ListingSubjects.get, { id }, 200],
      ['patch', `/listings/${id}`, { priceCents: 120_000 }, ListingSubjects.update, { priceCents: 120_000, id }, 200],
      ['delete', `/listings/${id}`, undefined, ListingSubjects.delete, { id }, 204],
      ['get', `/listings/${id}/readiness`, undefined, ListingSubjects.readiness, { id }, 200],
      ['post', `/listings/${id}/unpublish`, { channels: ['immowelt'] }, ListingSubjects.unpublish, { channels: ['immowelt'], id }, 202],
      ['get', '/publishing/channels', undefined, ChannelSubjects.list, {}, 200],
      ['get', `/publishing/jobs?status=failed&channel=immoscout24&listingId=${id}`, undefined, JobSubjects.list, { status: 'failed', channel: 'immoscout24', listingId: id }, 200],
      ['get', `/publishing/jobs/${id}`, undefined, JobSubjects.get, { id }, 200],
      ['post', '/publishing/feeds/kleinanzeigen/deliver', undefined, FeedSubjects.deliver, { channel: 'kleinanzeigen' }, 200],
    ];
    for (const [method, path, body, subject, payload, status] of cases) {
      const response = await call(method, path, body);
      expect([method, path, response.status]).toEqual([method, path, status]);
      expect([path, seen[subject]?.data]).toEqual([path, payload]);
    }
    expect(seen[ListingSubjects.create].caller.organizationId).toBe(harness.organizationId);
  });

  it('serves the OpenImmo feed as XML under /publishing/feeds/{channel}.xml', async () => {
    const response = await call('get', '/publishing/feeds/immowelt.xml?mode=delta');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/xml/);
    expect(response.headers['content-disposition']).toBe('attachment; filename="openimmo-immowelt-full.xml"');
    expect(response.text).toBe(FEED);
    expect(seen[FeedSubjects.get].data).toEqual({ mode: 'delta', channel: 'immowelt' });
    expect((await call('get', '/publishing/feeds/facebook.xml')).status).toBe(422);
    expect((await call('get', '/publishing/feeds/immowelt.xml?mode=all')).status).toBe(422);
  });

  it('validates at the edge (422) and passes the service’s 422 with the missing fields per channel through', async () => {
    const invalid = await call('post', '/listings', { propertyId: 'nope', marketingType: 'lease', title: '', images: [{ url: 'http://insecure.example/x.jpg' }] });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['images.0.url', 'marketingType', 'propertyId', 'title']);
    expect((await call('post', `/listings/${randomUUID()}/publish`, { channels: ['myspace'] })).status).toBe(422);
    expect((await call('post', `/listings/${randomUUID()}/publish`, { channels: [] })).status).toBe(422);
    expect((await call('get', '/listings/not-a-uuid')).status).toBe(422);

    const incomplete = await call('post', `/listings/${randomUUID()}/publish`, { channels: ['immoscout24'] });
    expect(incomplete.status).toBe(422);
    expect(incomplete.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(incomplete.body).toMatchObject({ code: 'PUBLISHING_LISTING_INCOMPLETE', details: { missing: { immoscout24: ['energyCertificate'] } } });
    expect((await call('get', `/listings/${MISSING}`)).status).toBe(404);
  });

  it('lets owners and admins configure channels, viewers read, residents nothing', async () => {
    const body = { settings: { pageId: '1047' }, secrets: { pageAccessToken: 'EAAB' } };
    expect((await call('put', '/publishing/channels/facebook', body)).status).toBe(403);
    const admin = await harness.token({ roles: ['admin'] });
    expect((await call('put', '/publishing/channels/facebook', body, admin)).status).toBe(200);
    expect(seen[ChannelSubjects.configure].data).toEqual({ ...body, channel: 'facebook' });
    expect((await call('put', '/publishing/channels/myspace', body, admin)).status).toBe(422);
    expect((await call('delete', '/publishing/channels/facebook', undefined, admin)).status).toBe(204);

    const viewer = await harness.token({ roles: ['viewer'] });
    expect((await call('get', '/listings', undefined, viewer)).status).toBe(200);
    expect((await call('post', '/listings', { propertyId: randomUUID(), marketingType: 'rent', title: 'x' }, viewer)).status).toBe(403);
    const resident = await harness.token({ roles: ['resident'] });
    expect((await call('get', '/listings', undefined, resident)).status).toBe(403);
    expect((await call('get', '/publishing/jobs', undefined, resident)).status).toBe(403);
    expect((await request(harness.url).get('/api/v1/listings')).status).toBe(401);
  });
});

/** The variables of `env` that are set, as the launcher takes them. */
function setVariables(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/**
 * Generated and hand-written routes through the gateway to the real publishing service (its own
 * process, as `npm start` runs it, on the harness's database and NATS prefix): payloads the
 * service accepts, its answers and its errors, not an echo.
 */
describe('publishing routes against the publishing service', () => {
  let harness: GatewayHarness;
  let publishing: RunningSuite;
  let admin: string;
  let agent: string;

  beforeAll(async () => {
    harness = await startGatewayHarness();
    // The launcher joins the app to the harness's bus with the publishing key (suite.js `options.bus`).
    const options: SuiteOptions = {
      services: ['publishing'],
      quiet: true,
      env: { ...harness.stack.env, CHANNEL_SECRETS_KEY: 'gateway-spec-channel-secrets-key-0123456789' },
      bus: { url: harness.stack.bus.url, envFor: (app) => (isComponentName(app) ? setVariables(harness.stack.envFor(app)) : {}), stop: async () => undefined },
    };
    publishing = await startSuite(options);
    admin = await harness.token({ roles: ['admin'] });
    agent = await harness.token({ roles: ['agent'] });
  }, 120_000);
  afterAll(async () => {
    await publishing?.stop();
    await harness?.teardown();
  });

  const api = (bearer: string) => ({
    get: (path: string) => request(harness.url).get(`/api/v1${path}`).set('Authorization', `Bearer ${bearer}`),
    put: (path: string, body: object) => request(harness.url).put(`/api/v1${path}`).set('Authorization', `Bearer ${bearer}`).send(body),
    delete: (path: string) => request(harness.url).delete(`/api/v1${path}`).set('Authorization', `Bearer ${bearer}`),
  });

  it('configures, lists and forgets a channel with the service’s answers and statuses', async () => {
    const configured = await api(admin).put('/publishing/channels/facebook', { settings: { pageId: '1047' }, secrets: { pageAccessToken: 'EAAB-secret' } });
    expect(configured.status).toBe(200);
    expect(configured.body).toMatchObject({ channel: 'facebook', configured: true, enabled: true, settings: { pageId: '1047' }, secretsSet: ['pageAccessToken'], missing: [] });
    expect(configured.text).not.toContain('EAAB-secret');
    const channels = await api(agent).get('/publishing/channels');
    expect(channels.status).toBe(200);
    expect(channels.body.items.find((item: { channel: string }) => item.channel === 'facebook')).toMatchObject({ configured: true });

    const unknownSetting = await api(admin).put('/publishing/channels/facebook', { settings: { ftpHost: 'evil' } });
    expect([unknownSetting.status, unknownSetting.headers['content-type']]).toEqual([422, expect.stringMatching(/application\/problem\+json/)]);
    expect((await api(agent).put('/publishing/channels/facebook', { settings: { pageId: '1' } })).status).toBe(403);

    const removed = await api(admin).delete('/publishing/channels/facebook');
    expect([removed.status, removed.text]).toEqual([204, '']);
    expect((await api(admin).delete('/publishing/channels/facebook')).status).toBe(404);
  });

  it('reads listings and jobs, and passes the service’s 404 through as a problem', async () => {
    expect((await api(agent).get('/listings?size=5')).body).toEqual({ items: [], total: 0, page: 1, size: 5, pages: 0 });
    expect((await api(agent).get('/publishing/jobs?status=failed')).body).toMatchObject({ items: [], total: 0 });
    const missing = await api(agent).get(`/listings/${MISSING}`);
    expect([missing.status, missing.body.code]).toEqual([404, 'NOT_FOUND']);
    expect((await api(agent).get(`/publishing/jobs/${MISSING}`)).status).toBe(404);
  });
});
