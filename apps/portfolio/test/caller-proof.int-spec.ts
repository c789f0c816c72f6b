import { randomUUID } from 'node:crypto';
import { JSONCodec, NatsConnection, headers as natsHeaders } from 'nats';
import { PortfolioSubjects, PropertyPageResponse } from '@quartier/contracts-portfolio';
import { Caller, CallerHeader, RpcErrorBody } from '@quartier/contracts-shared';
import { CallerContextSigner, generateBusKeyPair } from '@quartier/messaging';
import { TestStack, startTestStack, testCaller } from '@quartier/testing';
import { portfolioService } from '../src/portfolio.service-app';
import { organization, startIdentityLimitsStub } from './support';

const codec = JSONCodec<{ response?: PropertyPageResponse; err?: RpcErrorBody }>();

/**
 * The request the issue found: a made-up organization and `owner` role in plain headers, sent by a
 * component that holds valid bus credentials (the gateway's). Portfolio must refuse it, and every
 * other way of faking or replaying a caller context.
 */
describe('portfolio acts only for proven callers', () => {
  let stack: TestStack;
  let identity: ReturnType<typeof startIdentityLimitsStub>;
  let gateway: NatsConnection;
  let victim: string;
  const subject = (): string => `${stack.prefix}.${PortfolioSubjects.propertiesList}`;

  beforeAll(async () => {
    stack = await startTestStack([]);
    identity = startIdentityLimitsStub(stack.nats, stack.prefix);
    await stack.start(portfolioService);
    gateway = await stack.connectAs('gateway');
    const org = organization(stack);
    await org.property();
    victim = org.id;
  });
  afterAll(async () => {
    await gateway.close();
    identity.stop();
    await stack.teardown();
  });

  async function ask(headers: Record<string, string>): Promise<{ response?: PropertyPageResponse; err?: RpcErrorBody }> {
    const natsHeadersOf = natsHeaders();
    for (const [name, value] of Object.entries(headers)) natsHeadersOf.set(name, value);
    const message = await gateway.request(subject(), JSONCodec().encode({ pattern: PortfolioSubjects.propertiesList, data: {}, id: randomUUID() }), {
      headers: natsHeadersOf,
      timeout: 5000,
    });
    return codec.decode(message.data);
  }

  const victimCaller = (requestId: string): Caller => testCaller(victim, { requestId });

  it('answers the gateway-signed context of the organization', async () => {
    const requestId = randomUUID();
    const signer = new CallerContextSigner('gateway', stack.bus.keys.gateway.seed, 10_000);
    const reply = await ask({ [CallerHeader.REQUEST_ID]: requestId, [CallerHeader.CONTEXT]: signer.sign(victimCaller(requestId), 'portfolio') });
    expect(reply.err).toBeUndefined();
    expect(reply.response?.items).toHaveLength(1);
  });

  it('refuses made-up caller headers (401) and reveals nothing', async () => {
    const reply = await ask({ [CallerHeader.REQUEST_ID]: randomUUID(), 'x-organization-id': victim, 'x-user-id': randomUUID(), 'x-roles': 'owner', 'x-scopes': 'read,write,delete,admin' });
    expect(reply.response).toBeUndefined();
    expect(reply.err).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', message: 'Caller not proven: The request carries no caller context' });
  });

  it('refuses contexts that are forged, misdirected, replayed or expired', async () => {
    const requestId = randomUUID();
    const gatewaySigner = new CallerContextSigner('gateway', stack.bus.keys.gateway.seed, 10_000);
    const cases: [string, Record<string, string>, string][] = [
      // Signed with a key that is not the gateway's, under the gateway's name.
      ['stranger key', { [CallerHeader.CONTEXT]: new CallerContextSigner('gateway', generateBusKeyPair().seed, 10_000).sign(victimCaller(requestId), 'portfolio') }, 'signature is invalid'],
      // A real component that may not call portfolio (identity calls nobody).
      ['identity key', { [CallerHeader.CONTEXT]: new CallerContextSigner('identity', stack.bus.keys.identity.seed, 10_000).sign(victimCaller(requestId), 'portfolio') }, 'not from a component allowed to call portfolio'],
      // A context the gateway signed for leasing, replayed to portfolio.
      ['other audience', { [CallerHeader.CONTEXT]: gatewaySigner.sign(victimCaller(requestId), 'leasing') }, 'is for leasing, not portfolio'],
      // A context of another request.
      ['other request', { [CallerHeader.CONTEXT]: gatewaySigner.sign(victimCaller(randomUUID()), 'portfolio') }, 'belongs to another request'],
      // A context that expired a minute ago.
      ['expired', { [CallerHeader.CONTEXT]: gatewaySigner.sign(victimCaller(requestId), 'portfolio', Date.now() - 60_000) }, 'has expired'],
      // A valid context with its claims edited (owner role added).
      ['tampered', { [CallerHeader.CONTEXT]: tamper(gatewaySigner.sign(testCaller(victim, { requestId, roles: ['viewer'], scopes: ['read'] }), 'portfolio')) }, 'signature is invalid'],
    ];
    for (const [name, headers, reason] of cases) {
      const reply = await ask({ [CallerHeader.REQUEST_ID]: requestId, ...headers });
      expect([name, reply.response, reply.err?.status]).toEqual([name, undefined, 401]);
      expect(reply.err?.message).toContain(reason);
    }
  });
});

function tamper(token: string): string {
  const [body, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as { roles: string[] };
  claims.roles = ['owner'];
  return `${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
}
