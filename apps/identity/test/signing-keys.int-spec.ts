import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { Client } from 'pg';
import { AuthOperations, AuthSessionDto, JwksDto } from '@quartier/contracts-identity';
import { TestStack, startTestStack } from '@quartier/testing';
import { identityService } from '../src/identity.service-app';
import { unsealPrivateKey } from '../src/modules/signing-keys/key-sealing';
import { anonymous, register, send, sleep } from './identity-test-helpers';

const run = promisify(execFile);
const ROOT = join(__dirname, '../../..');
const SECRET = 'operator-secret-that-is-long-enough-1234';

interface StoredKey {
  kid: string;
  private_key: string;
  retired_at: Date | null;
  expires_at: Date | null;
}

describe('identity signing-key rotation', () => {
  let stack: TestStack;
  let db: Client;
  const replicas: { close(): Promise<void> }[] = [];
  /** Signed by the very first key, which is retired and later dropped. */
  let firstSession: AuthSessionDto;

  beforeAll(async () => {
    stack = await startTestStack([], { SIGNING_KEY_CHECK_SECONDS: '1', SIGNING_KEY_ENCRYPTION_SECRET: SECRET, ACCESS_TOKEN_TTL_SECONDS: '600' });
    replicas.push(...(await Promise.all([identityService.start(stack.envFor('identity')), identityService.start(stack.envFor('identity'))])));
    db = new Client({ connectionString: stack.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    for (const replica of replicas) await replica.close();
    await stack.teardown();
  });

  const keys = async (): Promise<StoredKey[]> =>
    (await db.query<StoredKey>('SELECT kid, private_key, retired_at, expires_at FROM identity.signing_keys ORDER BY created_at')).rows;
  const jwks = (): Promise<JwksDto> => send(stack, AuthOperations.jwks, {}, anonymous());
  /** `npm run identity:rotate-keys` without npm's own output. */
  const rotateKeys = (env: NodeJS.ProcessEnv = {}): Promise<{ stdout: string; stderr: string }> =>
    run(process.execPath, ['-r', '@swc-node/register', 'apps/identity/src/rotate-keys.ts'], { cwd: ROOT, env: { ...stack.env, ...env } });
  const kidOf = (session: AuthSessionDto): string | undefined => decodeProtectedHeader(session.accessToken).kid;
  const verify = async (session: AuthSessionDto): Promise<unknown> => jwtVerify(session.accessToken, createLocalJWKSet(await jwks()), { issuer: 'quartier' });

  async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error('Condition not met in time');
      await sleep(200);
    }
  }

  it('keeps private keys encrypted at rest and out of the JWKS', async () => {
    const stored = await keys();
    expect(stored).toHaveLength(1);
    expect(stored[0].private_key).toMatch(/^a256gcm:/);
    expect(stored[0].private_key).not.toContain('"d"');
    const published = await jwks();
    expect(published.keys.map((key) => key.kid)).toEqual([stored[0].kid]);
    expect(JSON.stringify(published)).not.toMatch(/"d"/);
  });

  it('encrypts a key stored in plain text at the next check; the CLI refuses a different secret', async () => {
    const [stored] = await keys();
    const plain = JSON.stringify(unsealPrivateKey(stored.private_key, SECRET));
    await db.query('UPDATE identity.signing_keys SET private_key = $1 WHERE kid = $2', [plain, stored.kid]);
    await waitUntil(async () => (await keys())[0].private_key.startsWith('a256gcm:'));
    expect(unsealPrivateKey((await keys())[0].private_key, SECRET)).toEqual(JSON.parse(plain));

    // The CLI with another secret changes nothing: a key no replica could read would stop sign-ins.
    const refused = await rotateKeys({ SIGNING_KEY_ENCRYPTION_SECRET: `${SECRET}-rotated` }).catch((error: { code: number; stderr: string }) => error);
    expect(refused).toMatchObject({
      code: 1,
      stderr: 'identity key rotation failed: A signing key cannot be decrypted: SIGNING_KEY_ENCRYPTION_SECRET differs from the one it was encrypted with\n',
    });
    expect((await keys()).map((key) => key.kid)).toEqual([stored.kid]);
  });

  it('rotates on demand from the CLI: every replica signs with the new key, tokens of the retired key still verify', async () => {
    firstSession = await register(stack);
    const [first] = await keys();
    expect(kidOf(firstSession)).toBe(first.kid);

    const { stdout } = await rotateKeys();
    const stored = await keys();
    expect(stored).toHaveLength(2);
    const [retired, active] = stored;
    expect(retired.kid).toBe(first.kid);
    expect(stdout).toContain(`new key ${active.kid} signs from`);
    expect(stdout).toContain(`retired ${first.kid}`);
    expect(stdout).not.toContain('a256gcm:');
    // Retired for the access-token TTL + the check interval + the margin (600 + 1 + 300 s).
    expect(Number(retired.expires_at) - Number(retired.retired_at)).toBe(901_000);
    expect(active.retired_at).toBeNull();

    expect((await jwks()).keys.map((key) => key.kid)).toEqual([active.kid, first.kid]);
    await expect(verify(firstSession)).resolves.toBeDefined();

    // Published one check interval before it signs; both replicas pick it up at their next check.
    await sleep(2_200);
    const sessions = await Promise.all(Array.from({ length: 8 }, () => register(stack)));
    expect(new Set(sessions.map(kidOf))).toEqual(new Set([active.kid]));
    for (const session of sessions) await expect(verify(session)).resolves.toBeDefined();
  });

  it('rotates on schedule once the active key is SIGNING_KEY_ROTATION_DAYS old, with both replicas agreeing on one new key', async () => {
    const [, current] = await keys();
    await db.query(`UPDATE identity.signing_keys SET activated_at = now() - interval '31 days' WHERE retired_at IS NULL`);
    await waitUntil(async () => (await keys()).length === 3);
    await sleep(2_200);
    const stored = await keys();
    expect(stored.filter((key) => key.retired_at === null)).toHaveLength(1);
    expect(stored.find((key) => key.kid === current.kid)?.retired_at).not.toBeNull();
    const session = await register(stack);
    expect(kidOf(session)).toBe(stored[2].kid);
  });

  it('drops a retired key once its tokens have expired: it leaves the JWKS and its tokens no longer verify', async () => {
    const [oldest] = await keys();
    expect(kidOf(firstSession)).toBe(oldest.kid);
    await expect(verify(firstSession)).resolves.toBeDefined();
    await db.query(`UPDATE identity.signing_keys SET expires_at = now() - interval '1 second' WHERE kid = $1`, [oldest.kid]);
    expect((await jwks()).keys.map((key) => key.kid)).not.toContain(oldest.kid);
    await waitUntil(async () => !(await keys()).some((key) => key.kid === oldest.kid));
    expect(await keys()).toHaveLength(2);
    await expect(verify(firstSession)).rejects.toMatchObject({ code: 'ERR_JWKS_NO_MATCHING_KEY' });
  });
});
