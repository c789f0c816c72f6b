import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { RunningGateway, gatewayService } from '../src/gateway.service-app';
import { GatewayHarness, ReceivedRequest, respond, startGatewayHarness } from './gateway-harness';

const AUTHELIA_HEADERS = {
  'Remote-User': 'anna',
  'Remote-Email': 'anna@example.de',
  'Remote-Name': 'Anna Schmidt',
  'Remote-Groups': 'qt-admins,other',
};

describe('gateway trust: Authelia headers and replica-shared rate limits', () => {
  let harness: GatewayHarness;
  const organizationId = randomUUID();
  const userId = randomUUID();
  const provisioned: unknown[] = [];
  const others: RunningGateway[] = [];

  beforeAll(async () => {
    harness = await startGatewayHarness({
      AUTHELIA_ENABLED: 'true',
      TRUSTED_PROXIES: '127.0.0.1,::1',
      AUTHELIA_ORGANIZATION_ID: organizationId,
      AUTHELIA_GROUP_ROLES: 'qt-admins:admin,qt-staff:manager',
    });
    respond(harness.stack.nats, harness.stack.prefix, 'identity.v1.auth.provision-trusted', ({ data }) => {
      provisioned.push(data);
      const { email, name, roles } = data as { email: string; name: string; roles: string[] };
      return { userId, organizationId, email, name, roles, scopes: ['read', 'write', 'delete', 'admin'] };
    });
    respond(harness.stack.nats, harness.stack.prefix, 'identity.v1.auth.me', ({ caller }: ReceivedRequest) => ({
      userId: caller.userId,
      organizationId: caller.organizationId,
      roles: caller.roles.join(','),
    }));
  });

  afterAll(async () => {
    for (const gateway of others) await gateway.close();
    await harness?.teardown();
  });

  it('honours Authelia headers from a trusted proxy and provisions the user once', async () => {
    const first = await request(harness.url).get('/api/v1/auth/me').set(AUTHELIA_HEADERS);
    const second = await request(harness.url).get('/api/v1/auth/me').set(AUTHELIA_HEADERS);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ userId, organizationId, roles: 'admin' });
    expect(second.status).toBe(200);
    expect(provisioned).toEqual([{ username: 'anna', email: 'anna@example.de', name: 'Anna Schmidt', roles: ['admin'], organizationId }]);
  });

  it('ignores the same headers from any other source', async () => {
    const untrusted = await gatewayService.start({
      ...harness.stack.envFor('gateway'),
      PORT: '0',
      HOST: '127.0.0.1',
      AUTHELIA_ENABLED: 'true',
      TRUSTED_PROXIES: '10.0.0.0/8',
      AUTHELIA_ORGANIZATION_ID: organizationId,
    });
    others.push(untrusted);
    const response = await request(untrusted.url).get('/api/v1/auth/me').set(AUTHELIA_HEADERS);
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('UNAUTHENTICATED');
  });

  it('limits anonymous clients behind a trusted proxy by their forwarded address', async () => {
    const remaining = async (client: string): Promise<string> =>
      (await request(harness.url).get('/api/v1/nope').set('X-Forwarded-For', client)).headers['x-ratelimit-remaining'];
    expect(await remaining('203.0.113.7')).toBe('99');
    expect(await remaining('203.0.113.8')).toBe('99');
    expect(await remaining('203.0.113.7')).toBe('98');
  });

  it('shares one limit between gateway replicas through Redis', async () => {
    const env = { ...harness.stack.envFor('gateway'), PORT: '0', HOST: '127.0.0.1', REDIS_URL: 'redis://127.0.0.1:6379', RATE_LIMIT_PER_MINUTE: '2' };
    const [a, b] = [await gatewayService.start(env), await gatewayService.start(env)];
    others.push(a, b);
    const token = await harness.token();
    const statuses = [];
    for (const gateway of [a, b, a]) {
      statuses.push((await request(gateway.url).get('/api/v1/nope').set('Authorization', `Bearer ${token}`)).status);
    }
    expect(statuses).toEqual([404, 404, 429]);
  });
});
