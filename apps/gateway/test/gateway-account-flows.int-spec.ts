import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { IdentitySubjects, PASSWORD_RESET_ACCEPTED_MESSAGE } from '@quartier/contracts-identity';
import { GatewayHarness, ReceivedRequest, respond, startGatewayHarness } from './gateway-harness';

interface Operation {
  tags?: string[];
  security?: unknown[];
  responses: Record<string, unknown>;
  requestBody?: unknown;
}

const INVITATION_ID = randomUUID();

/** Password reset and invitations through the gateway, with identity stood in on its subjects. */
describe('gateway: password reset and invitations', () => {
  let harness: GatewayHarness;
  const received = new Map<string, ReceivedRequest[]>();

  const record = (subject: string, answer: (request: ReceivedRequest) => unknown) =>
    respond(harness.stack.nats, harness.stack.prefix, subject, (incoming) => {
      received.set(subject, [...(received.get(subject) ?? []), incoming]);
      return answer(incoming);
    });

  beforeAll(async () => {
    harness = await startGatewayHarness();
    record(IdentitySubjects.authPasswordResetRequest, () => ({ accepted: true, message: PASSWORD_RESET_ACCEPTED_MESSAGE }));
    record(IdentitySubjects.invitationsCreate, ({ data }) => ({ id: INVITATION_ID, ...(data as object), status: 'pending' }));
    record(IdentitySubjects.invitationsList, () => ({ items: [], total: 0, page: 1, size: 20, pages: 0 }));
    record(IdentitySubjects.invitationsRevoke, ({ data }) => {
      if ((data as { invitationId: string }).invitationId !== INVITATION_ID) throw { status: 404, code: 'NOT_FOUND', message: 'Invitation not found' };
      return { ok: true };
    });
    record(IdentitySubjects.authInvitationAccept, ({ data }) => {
      if ((data as { token: string }).token === 'full-plan') throw { status: 402, code: 'PLAN_LIMIT_REACHED', message: 'The plan allows at most 2 users' };
      return { organizationId: harness.organizationId, organizationName: 'Org', userId: randomUUID(), email: 'ben@example.de', role: 'agent', accountCreated: true };
    });
    record(IdentitySubjects.authPasswordResetConfirm, ({ data }) => {
      if ((data as { token: string }).token !== 'good-token') {
        throw { status: 422, code: 'INVALID_RESET_TOKEN', message: 'The password-reset link is invalid, expired or already used' };
      }
      return { ok: true };
    });
  });

  afterAll(async () => {
    await harness?.teardown();
  });

  const calls = (subject: string): ReceivedRequest[] => received.get(subject) ?? [];

  describe('POST /api/v1/auth/password-reset', () => {
    it('answers 202 with the same body and forwards the email with the client address, without credentials', async () => {
      const response = await request(harness.url).post('/api/v1/auth/password-reset').send({ email: 'anna@example.de' });
      expect(response.status).toBe(202);
      expect(response.body).toEqual({ accepted: true, message: PASSWORD_RESET_ACCEPTED_MESSAGE });
      expect(calls(IdentitySubjects.authPasswordResetRequest).at(-1)?.data).toEqual({ email: 'anna@example.de', clientIp: '127.0.0.1' });
    });

    it('answers 422 for a malformed email or extra fields, without asking identity', async () => {
      const before = calls(IdentitySubjects.authPasswordResetRequest).length;
      const response = await request(harness.url).post('/api/v1/auth/password-reset').send({ email: 'nope', clientIp: '10.0.0.1' });
      expect(response.status).toBe(422);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['clientIp', 'email']);
      expect(calls(IdentitySubjects.authPasswordResetRequest)).toHaveLength(before);
    });
  });

  describe('POST /api/v1/auth/password-reset/confirm', () => {
    it('sets the password with a valid token', async () => {
      const response = await request(harness.url).post('/api/v1/auth/password-reset/confirm').send({ token: 'good-token', newPassword: 'a brand new passphrase' });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ ok: true });
    });

    it("passes identity's 422 for a used or expired token through as a problem", async () => {
      const response = await request(harness.url).post('/api/v1/auth/password-reset/confirm').send({ token: 'used-token', newPassword: 'a brand new passphrase' });
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ status: 422, code: 'INVALID_RESET_TOKEN' });
    });

    it('answers 422 for a too short password', async () => {
      const response = await request(harness.url).post('/api/v1/auth/password-reset/confirm').send({ token: 'good-token', newPassword: 'short' });
      expect(response.status).toBe(422);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(['newPassword']);
    });
  });

  describe('organization invitations', () => {
    const post = async (body: object, roles: ('owner' | 'admin' | 'manager')[] = ['owner']): Promise<request.Response> =>
      request(harness.url).post('/api/v1/organization/invitations').set('Authorization', `Bearer ${await harness.token({ roles })}`).send(body);

    it('lets owners and admins invite (201) and forwards the caller', async () => {
      const response = await post({ email: 'ben@example.de', role: 'agent' }, ['admin']);
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ id: INVITATION_ID, email: 'ben@example.de', role: 'agent', status: 'pending' });
      const forwarded = calls(IdentitySubjects.invitationsCreate).at(-1);
      expect(forwarded?.caller.organizationId).toBe(harness.organizationId);
      expect(forwarded?.caller.roles.join(',')).toBe('admin');
    });

    it('answers 401 without a token, 403 for other roles and 422 for bad input, without asking identity', async () => {
      const before = calls(IdentitySubjects.invitationsCreate).length;
      expect((await request(harness.url).post('/api/v1/organization/invitations').send({ email: 'ben@example.de', role: 'agent' })).status).toBe(401);
      expect((await post({ email: 'ben@example.de', role: 'agent' }, ['manager'])).status).toBe(403);
      const invalid = await post({ email: 'ben', role: 'emperor' });
      expect(invalid.status).toBe(422);
      expect(invalid.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['email', 'role']);
      expect(calls(IdentitySubjects.invitationsCreate)).toHaveLength(before);
    });

    it('lists with a status filter (422 for an unknown status)', async () => {
      const token = await harness.token();
      const ok = await request(harness.url).get('/api/v1/organization/invitations?status=pending&page=1').set('Authorization', `Bearer ${token}`);
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({ items: [], total: 0, page: 1, size: 20, pages: 0 });
      const bad = await request(harness.url).get('/api/v1/organization/invitations?status=lost').set('Authorization', `Bearer ${token}`);
      expect(bad.status).toBe(422);
    });

    it("revokes with 204, answers 404 for an unknown (or another organization's) invitation and 422 for a malformed id", async () => {
      const token = await harness.token();
      const revoke = (id: string): request.Test => request(harness.url).delete(`/api/v1/organization/invitations/${id}`).set('Authorization', `Bearer ${token}`);
      expect((await revoke(INVITATION_ID)).status).toBe(204);
      const missing = await revoke(randomUUID());
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
      expect((await revoke('not-a-uuid')).status).toBe(422);
    });
  });

  describe('POST /api/v1/auth/invitations/accept', () => {
    it('accepts without credentials and passes plan-limit refusals through (402)', async () => {
      const accepted = await request(harness.url).post('/api/v1/auth/invitations/accept').send({ token: 'good', name: 'Ben', password: 'correct horse battery' });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ organizationId: harness.organizationId, role: 'agent', accountCreated: true });
      const full = await request(harness.url).post('/api/v1/auth/invitations/accept').send({ token: 'full-plan' });
      expect(full.status).toBe(402);
      expect(full.body).toMatchObject({ code: 'PLAN_LIMIT_REACHED' });
    });

    it('answers 422 for a missing token or a too short password', async () => {
      const response = await request(harness.url).post('/api/v1/auth/invitations/accept').send({ password: 'short' });
      expect(response.status).toBe(422);
      expect([...new Set(response.body.errors.map((error: { field: string }) => error.field))].sort()).toEqual(['password', 'token']);
    });
  });

  it('documents the new routes in the OpenAPI document', async () => {
    const { body } = await request(harness.url).get('/docs-json');
    const paths = body.paths as Record<string, Record<string, Operation>>;
    const reset = paths['/api/v1/auth/password-reset'].post;
    expect(Object.keys(reset.responses).sort()).toEqual(['202', '422', '429', '503', '504']);
    expect(reset.requestBody).toBeDefined();
    expect(reset.security).toEqual([]);
    expect(Object.keys(paths['/api/v1/auth/password-reset/confirm'].post.responses)).toEqual(expect.arrayContaining(['200', '422']));
    const acceptInvitation = paths['/api/v1/auth/invitations/accept'].post;
    expect(acceptInvitation.security).toEqual([]);
    expect(Object.keys(acceptInvitation.responses)).toEqual(expect.arrayContaining(['200', '402', '409', '422', '429']));

    const invitations = paths['/api/v1/organization/invitations'];
    const revoke = paths['/api/v1/organization/invitations/{invitationId}'].delete;
    for (const operation of [invitations.post, invitations.get, revoke]) {
      expect(operation.tags).toEqual(['organization']);
      expect(operation.security).toEqual([{ bearer: [] }]);
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['401', '403', '422', '429']));
    }
    expect(Object.keys(invitations.post.responses)).toEqual(expect.arrayContaining(['201', '402', '409']));
    expect(Object.keys(revoke.responses)).toEqual(expect.arrayContaining(['204', '404', '409']));
    expect(body.components.schemas.InvitationDto.properties.status.enum).toEqual(['pending', 'accepted', 'revoked', 'expired']);
  });
});
