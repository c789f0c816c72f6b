import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FtpSrv } from 'ftp-srv';
import request from 'supertest';
import { E2eSuite, freePort, startE2eSuite } from './support/suite';
import { PASSWORD, Session, bearer, login, propertyBody, registerOrganization } from './support/session';

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

/** ftp-srv logs through bunyan; this run stays quiet. */
const silent: Record<string, unknown> = { child: () => silent, trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, fatal: () => undefined };

/**
 * Publishing through the gateway as an estate agent uses it: identity, portfolio, publishing and
 * the gateway as separate processes, Immowelt's FTP import as a local FTP server.
 */
describe('publishing end to end', () => {
  let suite: E2eSuite;
  let owner: Session;
  let other: Session;
  let ftp: FtpSrv;
  let ftpRoot: string;
  let unitId: string;
  let propertyId: string;
  let listingId: string;

  const api = (session: Session) => {
    const agent = request(suite.baseUrl);
    return {
      get: (path: string) => agent.get(path).set(bearer(session)),
      post: (path: string, body: object = {}) => agent.post(path).set(bearer(session)).send(body),
      put: (path: string, body: object) => agent.put(path).set(bearer(session)).send(body),
      patch: (path: string, body: object) => agent.patch(path).set(bearer(session)).send(body),
      delete: (path: string) => agent.delete(path).set(bearer(session)),
    };
  };

  beforeAll(async () => {
    ftpRoot = mkdtempSync(join(tmpdir(), 'quartier-e2e-ftp-'));
    const port = await freePort();
    const pasv = await freePort();
    ftp = new FtpSrv({ url: `ftp://127.0.0.1:${port}`, pasv_url: '127.0.0.1', pasv_min: pasv, pasv_max: pasv + 20, anonymous: false, log: silent });
    ftp.on('login', ({ username, password }, resolve, reject) => (username === 'iw-e2e' && password === 'ftp-secret-e2e' ? resolve({ root: ftpRoot }) : reject(new Error('Login incorrect'))));
    await ftp.listen();
    suite = await startE2eSuite(
      { CHANNEL_SECRETS_KEY: 'e2e-channel-secrets-key-0123456789abcdef', IMMOWELT_FTP_URL: `ftp://127.0.0.1:${port}`, JOB_POLL_INTERVAL_MS: '100' },
      ['identity', 'portfolio', 'publishing', 'gateway'],
    );
    owner = await registerOrganization(suite.baseUrl, 'Becker Immobilien');
    other = await registerOrganization(suite.baseUrl, 'Konkurrenz Makler GmbH');
    const property = await api(owner)
      .post('/properties', propertyBody({ energyCertificate: { type: 'consumption', value: 118.2, energyClass: 'D', validUntil: '2030-09-30', primaryEnergySource: 'gas' } }))
      .expect(201);
    propertyId = property.body.id;
    const building = await api(owner).post('/buildings', { propertyId, name: 'Vorderhaus', floors: 5 }).expect(201);
    const unit = await api(owner)
      .post('/units', { buildingId: building.body.id, number: 'WE 2.1', floor: 2, type: 'apartment', area: 64.5, rooms: 2, targetRent: { amountCents: 118_000, currency: 'EUR' }, features: ['fitted_kitchen'] })
      .expect(201);
    unitId = unit.body.id;
  });

  afterAll(async () => {
    await suite?.stop();
    await ftp?.close();
    if (ftpRoot) rmSync(ftpRoot, { recursive: true, force: true });
  });

  it('configures Immowelt without ever showing the FTP password', async () => {
    const configured = await api(owner)
      .put('/publishing/channels/immowelt', { settings: { ftpUsername: 'iw-e2e', providerId: 'IW-E2E', companyName: 'Becker Immobilien' }, secrets: { ftpPassword: 'ftp-secret-e2e' } })
      .expect(200);
    expect(configured.body).toMatchObject({ channel: 'immowelt', configured: true, secretsSet: ['ftpPassword'] });
    const channels = await api(owner).get('/publishing/channels').expect(200);
    expect(JSON.stringify(channels.body)).not.toContain('ftp-secret-e2e');
  });

  it('creates a listing from the unit, names what Immowelt and Instagram still miss, and publishes to Immowelt', async () => {
    const created = await api(owner)
      .post('/listings', { propertyId, unitId, marketingType: 'rent', title: '2-Zimmer-Altbauwohnung mit Einbauküche', contact: { name: 'Jana Becker', email: 'jana@becker-immobilien.de' } })
      .expect(201);
    listingId = created.body.id;
    expect(created.body).toMatchObject({ priceCents: 118_000, livingArea: 64.5, rooms: 2, energyCertificate: { type: 'consumption', value: 118.2, energyClass: 'D', heatingSource: 'gas', constructionYear: 1905 } });

    const incomplete = await api(owner).post(`/listings/${listingId}/publish`, { channels: ['immowelt', 'instagram'] }).expect(422);
    expect(incomplete.headers['content-type']).toContain('application/problem+json');
    expect(incomplete.body).toMatchObject({ code: 'PUBLISHING_LISTING_INCOMPLETE', details: { missing: { immowelt: ['description'], instagram: ['images.url'] } } });

    await api(owner).patch(`/listings/${listingId}`, { description: 'Saniertes Altbauhaus, Dielenböden, ruhiger Hof.' }).expect(200);
    const accepted = await api(owner).post(`/listings/${listingId}/publish`, { channels: ['immowelt'] }).expect(202);
    const jobId = accepted.body.items[0].id;
    const job = await until(() => api(owner).get(`/publishing/jobs/${jobId}`), (response) => ['published', 'failed'].includes(response.body.status));
    expect(job.body).toMatchObject({ status: 'published', channel: 'immowelt', externalId: listingId });
    expect(readdirSync(ftpRoot).filter((name) => /^IW-E2E_\d{17}-[0-9a-f]{4}\.zip$/.test(name))).toHaveLength(1);

    const feed = await api(owner).get('/publishing/feeds/immowelt.xml').expect(200);
    expect(feed.headers['content-type']).toContain('application/xml');
    expect(feed.text).toContain(`<objektnr_extern>${listingId}</objektnr_extern>`);
    expect(feed.text).toContain('<kaltmiete>1180.00</kaltmiete>');
  });

  it('hides the listing, its jobs and feed from another organization (404 / empty)', async () => {
    await api(other).get(`/listings/${listingId}`).expect(404);
    await api(other).patch(`/listings/${listingId}`, { title: 'Meins' }).expect(404);
    await api(other).post(`/listings/${listingId}/publish`, { channels: ['immowelt'] }).expect(404);
    await api(other).post(`/listings/${listingId}/unpublish`, {}).expect(404);
    expect((await api(other).get('/publishing/jobs').expect(200)).body.total).toBe(0);
    await api(other).post('/listings', { propertyId, unitId, marketingType: 'rent', title: 'Fremd' }).expect(404);
    await api(other).get('/publishing/feeds/immowelt.xml').expect(422);
  });

  it('keeps residents out (403)', async () => {
    const email = `resident-${Date.now()}@example.de`;
    await api(owner).post('/organization/members', { email, role: 'resident', name: 'Rita Resident', password: PASSWORD }).expect(201);
    const resident = await login(suite.baseUrl, email, PASSWORD);
    await api(resident).get('/listings').expect(403);
    await api(resident).get('/publishing/jobs').expect(403);
  });

  it('withdraws the listing from Immowelt when portfolio marks the unit occupied', async () => {
    await api(owner).patch(`/units/${unitId}/status`, { status: 'occupied', reason: 'Mietvertrag unterschrieben' }).expect(200);
    const listing = await until(() => api(owner).get(`/listings/${listingId}`), (response) => response.body.publications[0]?.status === 'withdrawn');
    expect(listing.body).toMatchObject({ status: 'withdrawn', publications: [{ channel: 'immowelt', status: 'withdrawn' }] });
    expect(readdirSync(ftpRoot).filter((name) => name.endsWith('.zip'))).toHaveLength(2);
    await api(owner).post(`/listings/${listingId}/publish`, { channels: ['immowelt'] }).expect(409);
  });

  it('documents the publishing routes in the OpenAPI description', async () => {
    const response = await request(suite.baseUrl.replace(/\/api\/v1$/, '')).get('/docs-json').expect(200);
    const documented = Object.entries(response.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented).toEqual(
      expect.arrayContaining([
        'POST /api/v1/listings', 'GET /api/v1/listings', 'GET /api/v1/listings/{id}', 'PATCH /api/v1/listings/{id}', 'DELETE /api/v1/listings/{id}',
        'GET /api/v1/listings/{id}/readiness', 'POST /api/v1/listings/{id}/publish', 'POST /api/v1/listings/{id}/unpublish',
        'GET /api/v1/publishing/channels', 'PUT /api/v1/publishing/channels/{channel}', 'DELETE /api/v1/publishing/channels/{channel}',
        'GET /api/v1/publishing/jobs', 'GET /api/v1/publishing/jobs/{id}', 'GET /api/v1/publishing/feeds/{channel}.xml', 'POST /api/v1/publishing/feeds/{channel}/deliver',
      ]),
    );
  });
});
