import request from 'supertest';
import { IdentitySubjects, PASSWORD_RESET_ACCEPTED_MESSAGE } from '@quartier/contracts-identity';
import { GatewayHarness, ReceivedRequest, respond, startGatewayHarness } from './gateway-harness';

interface Operation {
  tags?: string[];
  security?: unknown[];
  responses: Record<string, unknown>;
  requestBody?: unknown;
}

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

  it('documents the new routes in the OpenAPI document', async () => {
    const { body } = await request(harness.url).get('/docs-json');
    const paths = body.paths as Record<string, Record<string, Operation>>;
    const reset = paths['/api/v1/auth/password-reset'].post;
    expect(Object.keys(reset.responses).sort()).toEqual(['202', '422', '429', '503', '504']);
    expect(reset.requestBody).toBeDefined();
    expect(reset.security).toBeUndefined();
    expect(Object.keys(paths['/api/v1/auth/password-reset/confirm'].post.responses)).toEqual(expect.arrayContaining(['200', '422']));
  });
});
