import request from 'supertest';
import { E2eSuite, startE2eSuite } from './support/suite';
import { bearer, registerOrganization } from './support/session';

/** Time-based edges, in a suite of their own with short token lifetimes and a low rate limit. */
describe('token expiry and rate limiting end to end', () => {
  let suite: E2eSuite;

  beforeAll(async () => {
    suite = await startE2eSuite({ ACCESS_TOKEN_TTL_SECONDS: '2', RATE_LIMIT_PER_MINUTE: '15' });
  });

  afterAll(() => suite?.stop());

  it('rejects an expired access token with 401', async () => {
    const owner = await registerOrganization(suite.baseUrl);
    await request(suite.baseUrl).get('/auth/me').set(bearer(owner)).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const response = await request(suite.baseUrl).get('/auth/me').set(bearer(owner)).expect(401);
    expect(response.body.code).toBe('UNAUTHENTICATED');
  });

  it('limits each user and says when to retry (429)', async () => {
    const owner = await registerOrganization(suite.baseUrl);
    const first = await request(suite.baseUrl).get('/properties').set(bearer(owner)).expect(200);
    expect(first.headers['x-ratelimit-limit']).toBe('15');
    let last = first;
    for (let i = 0; i < 20 && last.status !== 429; i += 1) {
      last = await request(suite.baseUrl).get('/properties').set(bearer(owner));
    }
    expect(last.status).toBe(429);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    expect(last.headers['x-ratelimit-remaining']).toBe('0');
    expect(last.body.code).toBe('RATE_LIMITED');
    // Another user is not affected.
    const neighbour = await registerOrganization(suite.baseUrl);
    await request(suite.baseUrl).get('/properties').set(bearer(neighbour)).expect(200);
  });
});
