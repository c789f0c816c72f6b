import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { AuthOperations, AuthSessionDto } from '@quartier/contracts-identity';
import { RpcErrorBody } from '@quartier/contracts-shared';
import { TestStack, startTestStack } from '@quartier/testing';
import { identityService } from '../src/identity.service-app';
import { anonymous, failure, register, send, sleep } from './identity-test-helpers';

const PASSWORD = 'correct horse battery';
const ATTACKER_IP = '198.51.100.66';
const OWNER_IP = '203.0.113.7';

describe('identity sign-in throttling over NATS', () => {
  let stack: TestStack;

  beforeAll(async () => {
    // Three free failures, then 1 s doubling up to 4 s: short enough to watch the backoff grow and stop.
    stack = await startTestStack([identityService], { LOGIN_THROTTLE_AFTER_FAILURES: '3', LOGIN_THROTTLE_BASE_MS: '1000', LOGIN_THROTTLE_MAX_SECONDS: '4' });
  }, 120_000);
  afterAll(async () => {
    await stack.teardown();
  }, 60_000);

  const login = (email: string, password: string, clientIp: string): Promise<AuthSessionDto> =>
    send(stack, AuthOperations.login, { email, password, clientIp }, anonymous());

  async function answers(email: string, clientIp: string, attempts: number): Promise<RpcErrorBody[]> {
    const bodies: RpcErrorBody[] = [];
    for (let i = 0; i < attempts; i++) bodies.push(await failure(login(email, 'not the password', clientIp)));
    return bodies;
  }

  it('answers an existing and an unknown email identically over repeated failures, throttling included', async () => {
    const session = await register(stack);
    const existing = await answers(session.user.email, OWNER_IP, 6);
    const unknown = await answers(`${randomUUID()}@example.de`, OWNER_IP, 6);
    expect(unknown).toEqual(existing);
    expect(existing.map((body) => body.status)).toEqual([401, 401, 401, 429, 429, 429]);
    expect(existing[3]).toMatchObject({ code: 'LOGIN_THROTTLED', details: { retryAfterSeconds: 1 } });
  }, 60_000);

  it('lets the owner in from their own address while an attacker hammers the account from another', async () => {
    const session = await register(stack);
    const email = session.user.email;
    const attacker = await answers(email, ATTACKER_IP, 20);
    expect(attacker.slice(3).every((body) => body.status === 429)).toBe(true);

    expect((await login(email, PASSWORD, OWNER_IP)).user.id).toBe(session.user.id);
    // The attacker's address stays slowed down, even with the right password.
    expect(await failure(login(email, PASSWORD, ATTACKER_IP))).toMatchObject({ status: 429, code: 'LOGIN_THROTTLED' });
  }, 60_000);

  it('makes each further attempt from one address wait longer, saying how long (Retry-After), and never locks the account', async () => {
    const session = await register(stack);
    const email = session.user.email;
    await answers(email, ATTACKER_IP, 3);
    const waits: number[] = [];
    // Ten failures in all: an account lock would set in here.
    for (let failures = 3; failures < 10; failures++) {
      const throttled = await failure(login(email, PASSWORD, ATTACKER_IP));
      expect(throttled).toMatchObject({ status: 429, code: 'LOGIN_THROTTLED' });
      const retryAfterSeconds = Number(throttled.details?.retryAfterSeconds);
      waits.push(retryAfterSeconds);
      await sleep(retryAfterSeconds * 1000 + 50);
      expect((await failure(login(email, 'not the password', ATTACKER_IP))).status).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 4, 4, 4, 4]);
    // Once the wait is served, the right password works even from that address, and the count starts afresh.
    await sleep(4050);
    expect((await login(email, PASSWORD, ATTACKER_IP)).user.id).toBe(session.user.id);
    expect((await answers(email, ATTACKER_IP, 3)).map((body) => body.status)).toEqual([401, 401, 401]);
  }, 120_000);

  it('forgets the failures of an address after a quiet day, and keeps no rows for them', async () => {
    const session = await register(stack);
    const email = session.user.email;
    await answers(email, ATTACKER_IP, 4);
    expect(await failure(login(email, PASSWORD, ATTACKER_IP))).toMatchObject({ status: 429 });

    const db = new Client({ connectionString: stack.env.DATABASE_URL });
    await db.connect();
    try {
      await db.query(`UPDATE identity.login_failures SET last_failed_at = now() - interval '25 hours'`);
      // Any failure sweeps rows nobody needs any more.
      await failure(login(`${randomUUID()}@example.de`, 'not the password', OWNER_IP));
      const left = await db.query<{ count: string }>(`SELECT count(*) FROM identity.login_failures WHERE last_failed_at < now() - interval '24 hours'`);
      expect(Number(left.rows[0].count)).toBe(0);
    } finally {
      await db.end();
    }
    expect((await login(email, PASSWORD, ATTACKER_IP)).user.id).toBe(session.user.id);
  }, 60_000);
});
