import { createLocalJWKSet, jwtVerify } from 'jose';
import { Client } from 'pg';
import { AuthOperations } from '@quartier/contracts-identity';
import { TestStack, startTestStack } from '@quartier/testing';
import { identityService } from '../src/identity.service-app';
import { anonymous, register, send } from './identity-test-helpers';

describe('identity replicas booting together', () => {
  let stack: TestStack;
  const replicas: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    stack = await startTestStack([]);
    replicas.push(...(await Promise.all([identityService.start(stack.envFor('identity')), identityService.start(stack.envFor('identity')), identityService.start(stack.envFor('identity'))])));
  });
  afterAll(async () => {
    for (const replica of replicas) await replica.close();
    await stack.teardown();
  });

  it('migrate once and share one signing key, so any replica’s token verifies with the JWKS', async () => {
    const db = new Client({ connectionString: stack.env.DATABASE_URL });
    await db.connect();
    const { rows } = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM identity.signing_keys');
    await db.end();
    expect(rows[0].count).toBe(1);

    const jwks = await send(stack, AuthOperations.jwks, {}, anonymous());
    const keySet = createLocalJWKSet(jwks);
    for (let i = 0; i < 6; i++) {
      const session = await register(stack);
      await expect(jwtVerify(session.accessToken, keySet, { issuer: 'quartier' })).resolves.toBeDefined();
    }
  });
});
