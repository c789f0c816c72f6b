import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  AuthOperations,
  AuthSessionDto,
  PASSWORD_RESET_ACCEPTED_MESSAGE,
  PasswordResetAcceptedDto,
  PasswordResetOperations,
} from '@quartier/contracts-identity';
import { TestStack, startTestStack } from '@quartier/testing';
import { identityService } from '../src/identity.service-app';
import { anonymous, failure, register, send, sleep } from './identity-test-helpers';
import { SmtpCapture, startSmtpCapture, tokenFrom } from './smtp-capture';

const PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'a brand new passphrase';

describe('identity password reset over NATS with a local SMTP server', () => {
  let stack: TestStack;
  let smtp: SmtpCapture;
  let db: Client;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    stack = await startTestStack([identityService], {
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Quartier <accounts@quartier.test>',
      APP_BASE_URL: 'https://app.quartier.test',
      PASSWORD_RESET_TTL_MINUTES: '30',
      PASSWORD_RESET_PER_EMAIL_PER_HOUR: '2',
      PASSWORD_RESET_PER_IP_PER_HOUR: '4',
    });
    db = new Client({ connectionString: stack.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await stack?.teardown();
    await smtp?.close();
  });

  const requestReset = (email: string, clientIp?: string): Promise<PasswordResetAcceptedDto> =>
    send(stack, PasswordResetOperations.request, { email, ...(clientIp ? { clientIp } : {}) }, anonymous());
  const confirm = (token: string, newPassword: string = NEW_PASSWORD): Promise<unknown> =>
    send(stack, PasswordResetOperations.confirm, { token, newPassword }, anonymous());
  const login = (email: string, password: string): Promise<AuthSessionDto> =>
    send(stack, AuthOperations.login, { email, password }, anonymous());

  it('answers the same for known and unknown emails and mails a link only to the account', async () => {
    const email = `${randomUUID()}@example.de`;
    await register(stack, { email });
    const unknown = `${randomUUID()}@example.de`;
    const known = await requestReset(email.toUpperCase());
    const missing = await requestReset(unknown);
    expect(known).toEqual({ accepted: true, message: PASSWORD_RESET_ACCEPTED_MESSAGE });
    expect(missing).toEqual(known);

    const [mail] = await smtp.mailsTo(email);
    expect(mail.subject).toBe('Reset your Quartier password');
    expect(mail.text).toContain('https://app.quartier.test/reset-password?token=');
    expect(mail.text).toContain('for 30 minutes');
    await sleep(300);
    expect(smtp.mails.filter((received) => received.to.includes(unknown))).toEqual([]);

    const token = tokenFrom(mail, 'reset-password');
    const { rows } = await db.query<{ token_hash: string }>('SELECT token_hash FROM identity.password_reset_tokens');
    expect(rows.some((row) => row.token_hash.includes(token))).toBe(false);
    expect(JSON.stringify(await db.query('SELECT * FROM identity.password_reset_requests').then((result) => result.rows))).not.toContain(email);
  });

  it('sets the new password once, ends every session and records it in the audit log', async () => {
    const email = `${randomUUID()}@example.de`;
    const session = await register(stack, { email });
    await requestReset(email);
    const token = tokenFrom((await smtp.mailsTo(email))[0], 'reset-password');

    await expect(confirm(token)).resolves.toEqual({ ok: true });
    expect(await failure(login(email, PASSWORD))).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
    await expect(login(email, NEW_PASSWORD)).resolves.toMatchObject({ user: { email } });
    expect(await failure(send(stack, AuthOperations.refresh, { refreshToken: session.refreshToken }, anonymous()))).toMatchObject({
      status: 401,
      code: 'INVALID_REFRESH_TOKEN',
    });

    expect(await failure(confirm(token, 'yet another passphrase'))).toMatchObject({ status: 422, code: 'INVALID_RESET_TOKEN' });
    await expect(login(email, NEW_PASSWORD)).resolves.toBeDefined();

    const audit = await db.query('SELECT organization_id, user_id, path FROM identity.audit_logs WHERE user_id = $1', [session.user.id]);
    expect(audit.rows).toEqual([{ organization_id: session.organization.id, user_id: session.user.id, path: '/api/v1/auth/password-reset/confirm' }]);
  });

  it('lets the owner in at once after a reset, however many failed logins came before', async () => {
    const email = `${randomUUID()}@example.de`;
    await register(stack, { email });
    for (let i = 0; i < 8; i++) await failure(login(email, 'not the password'));
    expect(await failure(login(email, PASSWORD))).toMatchObject({ status: 429, code: 'LOGIN_THROTTLED' });
    await requestReset(email);
    await confirm(tokenFrom((await smtp.mailsTo(email))[0], 'reset-password'));
    await expect(login(email, NEW_PASSWORD)).resolves.toMatchObject({ user: { email } });
  });

  it('refuses an expired or unknown token and leaves the password as it was', async () => {
    const email = `${randomUUID()}@example.de`;
    await register(stack, { email });
    await requestReset(email);
    const token = tokenFrom((await smtp.mailsTo(email))[0], 'reset-password');
    await db.query(`UPDATE identity.password_reset_tokens SET expires_at = now() - interval '1 second' WHERE used_at IS NULL`);

    expect(await failure(confirm(token))).toMatchObject({ status: 422, code: 'INVALID_RESET_TOKEN' });
    expect(await failure(confirm('not-a-token'))).toMatchObject({ status: 422, code: 'INVALID_RESET_TOKEN' });
    expect(await failure(confirm(token, 'short'))).toMatchObject({ status: 422 });
    await expect(login(email, PASSWORD)).resolves.toBeDefined();
  });

  it('only the newest link works', async () => {
    const email = `${randomUUID()}@example.de`;
    await register(stack, { email });
    await requestReset(email);
    const [first] = await smtp.mailsTo(email, 1);
    await requestReset(email);
    const second = (await smtp.mailsTo(email, 2))[1];
    expect(await failure(confirm(tokenFrom(first, 'reset-password')))).toMatchObject({ status: 422 });
    await expect(confirm(tokenFrom(second, 'reset-password'))).resolves.toEqual({ ok: true });
  });

  it('mails one address at most PASSWORD_RESET_PER_EMAIL_PER_HOUR times, answering every request the same', async () => {
    const email = `${randomUUID()}@example.de`;
    await register(stack, { email });
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await requestReset(email));
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    await smtp.mailsTo(email, 2);
    await sleep(500);
    expect(smtp.mails.filter((mail) => mail.to.includes(email))).toHaveLength(2);
  });

  it('refuses a client address past PASSWORD_RESET_PER_IP_PER_HOUR with 429 and a retry time', async () => {
    const ip = '203.0.113.9';
    for (let i = 0; i < 4; i++) await requestReset(`${randomUUID()}@example.de`, ip);
    expect(await failure(requestReset(`${randomUUID()}@example.de`, ip))).toMatchObject({
      status: 429,
      code: 'PASSWORD_RESET_THROTTLED',
      details: { retryAfterSeconds: expect.any(Number) },
    });
    await expect(requestReset(`${randomUUID()}@example.de`, '203.0.113.10')).resolves.toMatchObject({ accepted: true });
  });

  it('rejects a malformed email with 422', async () => {
    expect(await failure(requestReset('not-an-email'))).toMatchObject({ status: 422 });
  });
});
