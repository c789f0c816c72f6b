import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { GatewayHarness, respond, startGatewayHarness } from './gateway-harness';

const PROBLEM = /application\/problem\+json/;

describe('gateway edge: auth, validation, problems, request ids', () => {
  let harness: GatewayHarness;

  beforeAll(async () => {
    harness = await startGatewayHarness({ NATS_TIMEOUT_MS: '300', CORS_ORIGINS: 'https://app.example.de' });
  });

  afterAll(async () => {
    await harness?.teardown();
  });

  it('answers 401 problems without, with a tampered, a foreign-key or an expired token', async () => {
    const missing = await request(harness.url).get('/api/v1/properties');
    expect(missing.status).toBe(401);
    expect(missing.headers['content-type']).toMatch(PROBLEM);
    expect(missing.body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', title: 'Unauthorized' });
    expect(missing.headers['www-authenticate']).toBe('Bearer');

    const token = await harness.token();
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), roles: ['owner'], org: randomUUID() }));
    const tampered = await request(harness.url).get('/api/v1/properties').set('Authorization', `Bearer ${header}.${forged.toString('base64url')}.${signature}`);
    expect(tampered.status).toBe(401);
    expect(tampered.body.detail).toBe('The access token is invalid');

    const garbage = await request(harness.url).get('/api/v1/properties').set('Authorization', 'Bearer x.y.z');
    expect(garbage.status).toBe(401);

    const foreign = await request(harness.url)
      .get('/api/v1/properties')
      .set('Authorization', `Bearer ${await harness.token({ key: harness.foreignKey })}`);
    expect(foreign.status).toBe(401);

    const expired = await request(harness.url)
      .get('/api/v1/properties')
      .set('Authorization', `Bearer ${await harness.token({ expiresIn: Math.floor(Date.now() / 1000) - 60 })}`);
    expect(expired.status).toBe(401);
    expect(expired.body.detail).toBe('The access token has expired');
  });

  it('refetches the JWKS once when a token names a key it has not seen (rotation)', async () => {
    const me = respond(harness.stack.nats, harness.stack.prefix, 'identity.v1.auth.me', ({ caller }) => ({ userId: caller.userId }));
    await request(harness.url).get('/api/v1/auth/me').set('Authorization', `Bearer ${await harness.token()}`).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const rotated = await harness.rotateKey();
    const userId = randomUUID();
    const response = await request(harness.url)
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${await harness.token({ userId, key: rotated.key, kid: rotated.kid })}`);
    me.unsubscribe();
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ userId });
  });

  it('forbids a viewer to write (403) but lets it read', async () => {
    const viewer = await harness.token({ roles: ['viewer'] });
    const write = await request(harness.url)
      .post('/api/v1/properties')
      .set('Authorization', `Bearer ${viewer}`)
      .send({ name: 'Haus', type: 'apartment_building', address: { street: 'Hauptstr.', postalCode: '10115', city: 'Berlin' } });
    expect(write.status).toBe(403);
    expect(write.headers['content-type']).toMatch(PROBLEM);
    expect(write.body.code).toBe('FORBIDDEN');
    const unit = randomUUID();
    const subscription = respond(harness.stack.nats, harness.stack.prefix, 'portfolio.v1.units.get', ({ data, caller }) => ({
      id: (data as { id: string }).id,
      roles: caller.roles.join(','),
      organization: caller.organizationId,
    }));
    const read = await request(harness.url).get(`/api/v1/units/${unit}`).set('Authorization', `Bearer ${viewer}`);
    subscription.unsubscribe();
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ id: unit, roles: 'viewer', organization: harness.organizationId });
  });

  it('validates bodies, queries and path ids at the edge: 422 with the field list', async () => {
    const token = await harness.token();
    const invalid = await request(harness.url)
      .post('/api/v1/properties')
      .set('Authorization', `Bearer ${token}`)
      .send({ name: '', address: { city: 'Berlin' }, unexpected: true });
    expect(invalid.status).toBe(422);
    expect(invalid.headers['content-type']).toMatch(PROBLEM);
    expect(invalid.body.code).toBe('VALIDATION_FAILED');
    const fields = (invalid.body.errors as { field: string }[]).map((error) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'type', 'address.street', 'address.postalCode', 'unexpected']));

    const badQuery = await request(harness.url).get('/api/v1/units?size=1000').set('Authorization', `Bearer ${token}`);
    expect(badQuery.status).toBe(422);
    expect(badQuery.body.errors[0].field).toBe('size');

    const badId = await request(harness.url).get('/api/v1/properties/not-a-uuid').set('Authorization', `Bearer ${token}`);
    expect(badId.status).toBe(422);
    expect(badId.body.errors).toEqual([{ field: 'id', message: 'id must be a UUID' }]);
  });

  it('passes service errors through as problems, 503 when nobody answers and 504 on timeout', async () => {
    const token = await harness.token();
    const id = randomUUID();
    const unavailable = await request(harness.url).get(`/api/v1/properties/${id}`).set('Authorization', `Bearer ${token}`);
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers['content-type']).toMatch(PROBLEM);
    expect(unavailable.body.code).toBe('SERVICE_UNAVAILABLE');

    const silent = harness.stack.nats.subscribe(`${harness.stack.prefix}.portfolio.v1.properties.get`);
    const timeout = await request(harness.url).get(`/api/v1/properties/${id}`).set('Authorization', `Bearer ${token}`);
    silent.unsubscribe();
    expect(timeout.status).toBe(504);
    expect(timeout.body.code).toBe('UPSTREAM_TIMEOUT');

    const conflict = respond(harness.stack.nats, harness.stack.prefix, 'portfolio.v1.properties.delete', () => {
      throw { status: 409, code: 'PROPERTY_HAS_BUILDINGS', message: 'The property still has buildings' };
    });
    const deleted = await request(harness.url).delete(`/api/v1/properties/${id}`).set('Authorization', `Bearer ${token}`);
    conflict.unsubscribe();
    expect(deleted.status).toBe(409);
    expect(deleted.body).toMatchObject({ status: 409, code: 'PROPERTY_HAS_BUILDINGS', detail: 'The property still has buildings', errors: [] });

    const crash = respond(harness.stack.nats, harness.stack.prefix, 'portfolio.v1.properties.get', () => {
      throw new Error('relation "portfolio.secret_table" does not exist');
    });
    const crashed = await request(harness.url).get(`/api/v1/properties/${id}`).set('Authorization', `Bearer ${token}`);
    crash.unsubscribe();
    expect(crashed.status).toBe(500);
    expect(crashed.headers['content-type']).toMatch(PROBLEM);
    expect(crashed.body).toMatchObject({ code: 'INTERNAL', detail: 'Internal server error' });
    expect(crashed.text).not.toContain('secret_table');
  });

  it("turns a service's 429 with retryAfterSeconds into a Retry-After header (login throttle)", async () => {
    const locked = respond(harness.stack.nats, harness.stack.prefix, 'identity.v1.auth.login', () => {
      throw { status: 429, code: 'LOGIN_THROTTLED', message: 'Too many failed logins: wait before trying again', details: { retryAfterSeconds: 90 } };
    });
    const response = await request(harness.url).post('/api/v1/auth/login').send({ email: 'anna@example.de', password: 'wrong-but-long-enough' });
    locked.unsubscribe();
    expect(response.status).toBe(429);
    expect(response.headers['retry-after']).toBe('90');
    expect(response.body).toMatchObject({ code: 'LOGIN_THROTTLED', details: { retryAfterSeconds: 90 } });
  });

  it('echoes a sane X-Request-ID, generates one otherwise, on success and error alike', async () => {
    const echoed = await request(harness.url).get('/api/v1/nope').set('X-Request-ID', 'client-id.42');
    expect(echoed.status).toBe(404);
    expect(echoed.headers['content-type']).toMatch(PROBLEM);
    expect(echoed.headers['x-request-id']).toBe('client-id.42');
    expect(echoed.body.requestId).toBe('client-id.42');

    const generated = await request(harness.url).get('/api/v1/properties').set('X-Request-ID', 'bad id with spaces');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(generated.body.requestId).toBe(generated.headers['x-request-id']);
    expect(generated.headers['x-ratelimit-limit']).toBe('100');
  });

  it('rejects oversized bodies with 413 and unsupported content types with 415', async () => {
    const token = await harness.token();
    const huge = await request(harness.url)
      .post('/api/v1/properties')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) }));
    expect(huge.status).toBe(413);
    expect(huge.headers['content-type']).toMatch(PROBLEM);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');

    const xml = await request(harness.url)
      .post('/api/v1/properties')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/xml')
      .send('<property/>');
    expect(xml.status).toBe(415);
    expect(xml.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('sets security headers', async () => {
    const response = await request(harness.url).get('/api/v1/properties');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('allows the configured CORS origins only', async () => {
    const preflight = await request(harness.url)
      .options('/api/v1/properties')
      .set('Origin', 'https://app.example.de')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization,content-type');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://app.example.de');
    const garbage = await request(harness.url).get('/api/v1/properties').set('Authorization', 'Bearer x.y.z');
    expect(garbage.status).toBe(401);

    const foreign = await request(harness.url).get('/api/v1/properties').set('Origin', 'https://evil.example');
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    const allowed = await request(harness.url).get('/api/v1/properties').set('Origin', 'https://app.example.de');
    expect(allowed.headers['access-control-expose-headers']).toContain('X-Request-ID');
  });
});
