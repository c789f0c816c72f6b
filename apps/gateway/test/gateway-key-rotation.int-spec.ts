import { randomUUID } from 'node:crypto';
import { JWK, SignJWT, exportJWK, generateKeyPair } from 'jose';
import { Subscription } from 'nats';
import request from 'supertest';
import { IdentitySubjects } from '@quartier/contracts-identity';
import { TestStack, startTestStack } from '@quartier/testing';
import { RunningGateway, gatewayService } from '../src/gateway.service-app';
import { respond } from './gateway-harness';

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

interface Key {
  kid: string;
  privateKey: PrivateKey;
  jwk: JWK;
}

async function newKey(): Promise<Key> {
  const pair = await generateKeyPair('ES256', { extractable: true });
  const kid = randomUUID();
  return { kid, privateKey: pair.privateKey, jwk: { ...(await exportJWK(pair.publicKey)), kid, alg: 'ES256', use: 'sig' } };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * identity's JWKS over a rotation: the next key is published (one identity check interval, here
 * 1.2 s) before it signs, beside the retiring one, which stays until its tokens have expired and
 * is then dropped. The gateway caches the JWKS for 3 s here.
 */
describe('gateway: access tokens across a signing-key rotation', () => {
  let stack: TestStack;
  let gateway: RunningGateway;
  const published: JWK[] = [];
  const responders: Subscription[] = [];
  const organizationId = randomUUID();

  beforeAll(async () => {
    stack = await startTestStack([]);
    responders.push(respond(stack.nats, stack.prefix, IdentitySubjects.authJwks, () => ({ keys: published })));
    responders.push(
      respond(stack.nats, stack.prefix, IdentitySubjects.authMe, ({ caller }) => ({ user: { id: caller.userId }, role: 'owner', scopes: ['read'] })),
    );
    gateway = await gatewayService.start({ ...stack.envFor('gateway'), PORT: '0', HOST: '127.0.0.1', JWKS_CACHE_SECONDS: '3' });
  });

  afterAll(async () => {
    await gateway?.close();
    for (const responder of responders) responder.unsubscribe();
    await stack?.teardown();
  });

  const sign = (key: Key, userId: string = randomUUID()): Promise<string> =>
    new SignJWT({ org: organizationId, email: 'anna@example.de', roles: ['owner'], scopes: ['read', 'write', 'delete', 'admin'] })
      .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'JWT' })
      .setSubject(userId)
      .setIssuer('quartier')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(key.privateKey);
  const publishedKids = async (): Promise<string[]> =>
    (await request(gateway.url).get('/api/v1/.well-known/jwks.json')).body.keys.map((key: { kid: string }) => key.kid);
  const me = (token: string): Promise<request.Response> => request(gateway.url).get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`);

  it('accepts tokens of the next key as soon as it signs and of the just-retired key until it is dropped, then answers 401', async () => {
    const first = await newKey();
    published.push(first.jwk);
    const userId = randomUUID();
    const early = await sign(first, userId);
    const answer = await me(early);
    expect(answer.status).toBe(200);
    expect(answer.body.user.id).toBe(userId);

    // Rotation: the next key is published first and signs a moment later; the gateway still has the old JWKS cached.
    const second = await newKey();
    published.unshift(second.jwk);
    await sleep(1_200);
    expect((await me(await sign(second))).status).toBe(200);
    expect((await me(early)).status).toBe(200);
    expect((await me(await sign(first))).status).toBe(200);
    expect(await publishedKids()).toEqual([second.kid, first.kid]);

    // Every token of the retired key has expired: identity drops it from the JWKS.
    published.splice(published.indexOf(first.jwk), 1);
    await sleep(3_100);
    const dropped = await me(await sign(first));
    expect(dropped.status).toBe(401);
    expect(dropped.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(dropped.body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', detail: 'The access token is invalid' });
    expect((await me(await sign(second))).status).toBe(200);
    expect(await publishedKids()).toEqual([second.kid]);
  });

  it('answers 401 for a token whose kid was never published', async () => {
    const stranger = await newKey();
    const response = await me(await sign(stranger));
    expect(response.status).toBe(401);
  });
});
