import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { RunningSuite, SuiteOptions, startSuite } from '@quartier/launcher';
import {
  AuditOperations,
  AuthOperations,
  IDENTITY_OPERATIONS,
  InvitationOperations,
  LimitOperations,
  MemberOperations,
  OrganizationOperations,
  PasswordResetOperations,
  ProfileOperations,
} from '@quartier/contracts-identity';
import { UsageOperations } from '@quartier/contracts-portfolio';
import { isComponentName } from '@quartier/contracts-shared';
import { GatewayHarness, ReceivedRequest, respond, startGatewayHarness } from '../../../test/gateway-harness';

const MISSING = '00000000-0000-4000-8000-000000000000';
const LIMITS = { plan: 'starter', subscriptionStatus: 'active', limits: { properties: 10, users: 3, documents: 100, storage: 1024 }, usersUsed: 2 };
const USAGE = { properties: 1, buildings: 2, units: 3, documents: 4, storageBytes: 5 };

/** The identity routes (/auth, /me, /organization, /audit-logs) against stand-in responders: what the gateway sends and answers. */
describe('identity routes', () => {
  let harness: GatewayHarness;
  let owner: string;
  const seen: Record<string, ReceivedRequest> = {};

  beforeAll(async () => {
    harness = await startGatewayHarness();
    owner = await harness.token({ roles: ['owner'] });
    // The harness answers the JWKS itself.
    for (const { subject } of IDENTITY_OPERATIONS.filter((operation) => operation !== AuthOperations.jwks)) {
      respond(harness.stack.nats, harness.stack.prefix, subject, (received) => {
        seen[subject] = received;
        const data = received.data as { memberId?: string };
        if (data.memberId === MISSING) throw { status: 404, code: 'NOT_FOUND', message: 'Member not found' };
        return subject === LimitOperations.get.subject ? LIMITS : { ok: true };
      });
    }
    respond(harness.stack.nats, harness.stack.prefix, UsageOperations.get.subject, (received) => {
      seen[UsageOperations.get.subject] = received;
      return USAGE;
    });
  });
  afterAll(async () => {
    await harness?.teardown();
  });

  const call = (method: 'get' | 'post' | 'patch' | 'delete', path: string, body?: object, bearer: string | null = owner) => {
    const pending = request(harness.url)[method](`/api/v1${path}`);
    if (bearer) pending.set('Authorization', `Bearer ${bearer}`);
    return body ? pending.send(body) : pending;
  };

  it('maps every generated route to its subject with the path ids, and public ones without a token', async () => {
    const memberId = randomUUID();
    const invitationId = randomUUID();
    const register = { email: 'anna@example.de', password: 'correct horse battery', name: 'Anna', organizationName: 'Org' };
    const cases: [Parameters<typeof call>[0], string, object | undefined, string, unknown, number, boolean][] = [
      ['post', '/auth/register', register, AuthOperations.register.subject, register, 201, false],
      ['post', '/auth/login', { email: 'anna@example.de', password: 'x' }, AuthOperations.login.subject, { email: 'anna@example.de', password: 'x', clientIp: '127.0.0.1' }, 200, false],
      ['post', '/auth/refresh', { refreshToken: 'r' }, AuthOperations.refresh.subject, { refreshToken: 'r' }, 200, false],
      ['post', '/auth/logout', { refreshToken: 'r' }, AuthOperations.logout.subject, { refreshToken: 'r' }, 200, false],
      ['post', '/auth/password-reset', { email: 'anna@example.de' }, PasswordResetOperations.request.subject, { email: 'anna@example.de', clientIp: '127.0.0.1' }, 202, false],
      ['post', '/auth/password-reset/confirm', { token: 't', newPassword: 'a brand new secret' }, PasswordResetOperations.confirm.subject, { token: 't', newPassword: 'a brand new secret' }, 200, false],
      ['post', '/auth/invitations/accept', { token: 't' }, InvitationOperations.accept.subject, { token: 't' }, 200, false],
      ['get', '/auth/me', undefined, AuthOperations.me.subject, {}, 200, true],
      ['get', '/me/profile', undefined, ProfileOperations.get.subject, {}, 200, true],
      ['patch', '/me/profile', { name: 'Anna Meier' }, ProfileOperations.update.subject, { name: 'Anna Meier' }, 200, true],
      ['patch', '/me/preferences', { theme: 'dark' }, ProfileOperations.updatePreferences.subject, { theme: 'dark' }, 200, true],
      ['post', '/me/change-password', { currentPassword: 'a', newPassword: 'a brand new secret' }, ProfileOperations.changePassword.subject, { currentPassword: 'a', newPassword: 'a brand new secret' }, 200, true],
      ['get', '/organization', undefined, OrganizationOperations.get.subject, {}, 200, true],
      ['patch', '/organization', { name: 'Renamed' }, OrganizationOperations.update.subject, { name: 'Renamed' }, 200, true],
      ['get', '/organization/members?size=5', undefined, MemberOperations.list.subject, { size: 5 }, 200, true],
      ['post', '/organization/members', { email: 'ben@example.de', role: 'viewer' }, MemberOperations.add.subject, { email: 'ben@example.de', role: 'viewer' }, 201, true],
      ['patch', `/organization/members/${memberId}`, { role: 'admin' }, MemberOperations.changeRole.subject, { role: 'admin', memberId }, 200, true],
      ['delete', `/organization/members/${memberId}`, undefined, MemberOperations.remove.subject, { memberId }, 204, true],
      ['post', '/organization/invitations', { email: 'ben@example.de', role: 'agent' }, InvitationOperations.create.subject, { email: 'ben@example.de', role: 'agent' }, 201, true],
      ['get', '/organization/invitations?status=pending', undefined, InvitationOperations.list.subject, { status: 'pending' }, 200, true],
      ['delete', `/organization/invitations/${invitationId}`, undefined, InvitationOperations.revoke.subject, { invitationId }, 204, true],
      ['get', '/audit-logs?method=POST', undefined, AuditOperations.list.subject, { method: 'POST' }, 200, true],
    ];
    for (const [method, path, body, subject, payload, status, authenticated] of cases) {
      const response = await call(method, path, body, authenticated ? owner : null);
      expect([method, path, response.status]).toEqual([method, path, status]);
      expect([path, seen[subject]?.data]).toEqual([path, payload]);
      if (authenticated) expect([path, seen[subject]?.caller.organizationId]).toEqual([path, harness.organizationId]);
    }
  });

  it('joins identity’s limits and portfolio’s usage for the organization’s plan, both for the caller', async () => {
    const limits = await call('get', '/organization/limits');
    expect([limits.status, limits.body]).toEqual([
      200,
      { plan: 'starter', subscriptionStatus: 'active', limits: LIMITS.limits, usage: { users: 2, ...USAGE } },
    ]);
    expect(seen[LimitOperations.get.subject].caller.organizationId).toBe(harness.organizationId);
    expect(seen[UsageOperations.get.subject].caller.organizationId).toBe(harness.organizationId);
  });

  it('keeps each route’s access and validates at the edge before anything is sent', async () => {
    const viewer = await harness.token({ roles: ['viewer'] });
    const resident = await harness.token({ roles: ['resident'] });
    expect((await call('patch', '/organization', { name: 'x' }, viewer)).status).toBe(403);
    expect((await call('get', '/organization/invitations', undefined, viewer)).status).toBe(403);
    expect((await call('get', '/audit-logs', undefined, viewer)).status).toBe(403);
    expect((await call('delete', `/organization/members/${randomUUID()}`, undefined, viewer)).status).toBe(403);
    expect((await call('get', '/organization/members', undefined, viewer)).status).toBe(200);
    expect((await call('patch', '/me/preferences', { theme: 'light' }, resident)).status).toBe(200);
    expect((await call('get', '/auth/me', undefined, null)).status).toBe(401);
    expect((await call('get', '/me/profile', undefined, null)).status).toBe(401);

    const badId = await call('patch', '/organization/members/not-a-uuid', { role: 'admin' });
    expect([badId.status, badId.body.errors]).toEqual([422, [{ field: 'memberId', message: 'memberId must be a UUID' }]]);
    const idInBody = await call('patch', `/organization/members/${randomUUID()}`, { role: 'admin', memberId: randomUUID() });
    expect([idInBody.status, idInBody.body.errors.map((error: { field: string }) => error.field)]).toEqual([422, ['memberId']]);
    expect((await call('post', '/auth/register', { email: 'not-an-email' }, null)).status).toBe(422);
    // The address failed logins are throttled by is the connection's, never one the client names.
    const spoofed = await call('post', '/auth/login', { email: 'anna@example.de', password: 'x', clientIp: '203.0.113.7' }, null);
    expect([spoofed.status, spoofed.body.errors?.map((error: { field: string }) => error.field)]).toEqual([422, ['clientIp']]);
    expect((await call('get', '/audit-logs?status=42')).status).toBe(422);
    const missing = await call('delete', `/organization/members/${MISSING}`);
    expect([missing.status, missing.headers['content-type']]).toEqual([404, expect.stringMatching(/application\/problem\+json/)]);
  });
});

/** The variables that are set, as the launcher takes a component's environment. */
function definedEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/**
 * The same routes through the gateway to the real identity service (its own process, as
 * `npm start` runs it, on the harness's database and NATS prefix): payloads it accepts, its
 * answers and its errors, not an echo.
 */
describe('identity routes against the identity service', () => {
  let harness: GatewayHarness;
  let identity: RunningSuite;

  beforeAll(async () => {
    harness = await startGatewayHarness();
    // The gateway caches the harness's JWKS before identity publishes its own on the same subject,
    // so the harness's tokens keep verifying (tokens name users and organizations identity made).
    const warmUp = await request(harness.url).get('/api/v1/auth/me').set('Authorization', `Bearer ${await harness.token()}`);
    expect(warmUp.status).toBe(503);
    // The launcher joins the app to the harness's bus with identity's key.
    const options: SuiteOptions = {
      services: ['identity'],
      quiet: true,
      env: harness.stack.env,
      bus: { url: harness.stack.bus.url, envFor: (app) => (isComponentName(app) ? definedEnv(harness.stack.envFor(app)) : {}), stop: async () => undefined },
    };
    identity = await startSuite(options);
  }, 120_000);
  afterAll(async () => {
    await identity?.stop();
    await harness?.teardown();
  });

  const anonymous = {
    post: (path: string, body: object) => request(harness.url).post(`/api/v1${path}`).send(body),
  };
  const as = (bearer: string) => ({
    get: (path: string) => request(harness.url).get(`/api/v1${path}`).set('Authorization', `Bearer ${bearer}`),
    post: (path: string, body: object) => request(harness.url).post(`/api/v1${path}`).set('Authorization', `Bearer ${bearer}`).send(body),
    patch: (path: string, body: object) => request(harness.url).patch(`/api/v1${path}`).set('Authorization', `Bearer ${bearer}`).send(body),
    delete: (path: string) => request(harness.url).delete(`/api/v1${path}`).set('Authorization', `Bearer ${bearer}`),
  });

  it('registers and signs in through the public routes with the service’s answers and errors', async () => {
    const email = `${randomUUID()}@example.de`;
    const body = { email, password: 'correct horse battery', name: 'Anna Schmidt', organizationName: 'Schmidt Hausverwaltung' };
    const registered = await anonymous.post('/auth/register', body);
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({ tokenType: 'Bearer', role: 'owner', user: { email }, organization: { name: 'Schmidt Hausverwaltung' } });
    expect((await anonymous.post('/auth/register', body)).body).toMatchObject({ status: 409, code: 'EMAIL_TAKEN' });

    const login = await anonymous.post('/auth/login', { email, password: 'correct horse battery' });
    expect([login.status, login.body.user.id]).toEqual([200, registered.body.user.id]);
    expect((await anonymous.post('/auth/login', { email, password: 'not the password' })).body).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
    // After five failures from this address identity asks it to wait; the gateway says how long.
    for (let i = 0; i < 4; i++) await anonymous.post('/auth/login', { email, password: 'not the password' });
    const throttled = await anonymous.post('/auth/login', { email, password: 'correct horse battery' });
    expect([throttled.status, throttled.body.code, throttled.headers['retry-after']]).toEqual([429, 'LOGIN_THROTTLED', '1']);
    const refreshed = await anonymous.post('/auth/refresh', { refreshToken: login.body.refreshToken });
    expect(refreshed.status).toBe(200);
    expect((await anonymous.post('/auth/logout', { refreshToken: refreshed.body.refreshToken })).body).toEqual({ ok: true });

    expect((await anonymous.post('/auth/invitations/accept', { token: 'no-such-token' })).body).toMatchObject({ status: 422, code: 'INVALID_INVITATION_TOKEN' });
    expect((await anonymous.post('/auth/password-reset/confirm', { token: 'no-such-token', newPassword: 'a brand new secret' })).body).toMatchObject({
      status: 422,
      code: 'INVALID_RESET_TOKEN',
    });
    const reset = await anonymous.post('/auth/password-reset', { email });
    expect([reset.status, reset.body.accepted]).toEqual([202, true]);
  });

  it('answers the signed-in user’s profile, organization, members and invitations from the service', async () => {
    const email = `${randomUUID()}@example.de`;
    const session = (await anonymous.post('/auth/register', { email, password: 'correct horse battery', name: 'Anna', organizationName: 'Org' })).body;
    const owner = as(await harness.token({ userId: session.user.id, organizationId: session.organization.id, roles: ['owner'] }));

    expect((await owner.get('/auth/me')).body).toMatchObject({ user: { id: session.user.id }, organization: { id: session.organization.id }, role: 'owner' });
    expect((await owner.patch('/me/preferences', { theme: 'dark' })).body).toMatchObject({ preferences: { theme: 'dark' } });
    expect((await owner.patch('/organization', { name: 'Renamed GmbH' })).body).toMatchObject({ name: 'Renamed GmbH' });

    const members = await owner.get('/organization/members?size=5');
    expect(members.body).toMatchObject({ total: 1, page: 1, size: 5, items: [{ email, role: 'owner' }] });
    const [own] = members.body.items;
    expect((await owner.patch(`/organization/members/${own.id}`, { role: 'admin' })).body).toMatchObject({ status: 409, code: 'LAST_OWNER' });
    expect((await owner.delete(`/organization/members/${MISSING}`)).status).toBe(404);

    const invited = await owner.post('/organization/invitations', { email: `${randomUUID()}@example.de`, role: 'agent' });
    expect([invited.status, invited.body.status]).toEqual([201, 'pending']);
    expect((await owner.get('/organization/invitations?status=pending')).body).toMatchObject({ total: 1, items: [{ id: invited.body.id }] });
    const revoked = await owner.delete(`/organization/invitations/${invited.body.id}`);
    expect([revoked.status, revoked.text]).toEqual([204, '']);
    expect((await owner.get('/audit-logs?size=1')).status).toBe(200);
  });
});
