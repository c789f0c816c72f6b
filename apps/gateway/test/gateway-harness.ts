import { randomUUID } from 'node:crypto';
import { JWK, SignJWT, exportJWK, generateKeyPair } from 'jose';
import { JSONCodec, NatsConnection, Subscription } from 'nats';
import { scopesForRoles } from '@quartier/auth';
import { PLATFORM_OPERATOR, Role, RpcErrorBody } from '@quartier/contracts-shared';
import { StandInCaller, TestStack, standInCallerOf, startTestStack } from '@quartier/testing';
import { RunningGateway, gatewayService } from '../src/gateway.service-app';

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

const codec = JSONCodec<{ id: string; data: unknown; pattern: string }>();
const replyCodec = JSONCodec();

/** One NATS request as a responder sees it: payload, headers and whom its caller context names. */
export interface ReceivedRequest {
  data: unknown;
  headers: Record<string, string>;
  caller: StandInCaller;
}

/**
 * Stands in for a service on one subject, speaking Nest's NATS wire format. Only for what the
 * gateway needs from services it cannot boot in its own tests (apps never import each other).
 */
export function respond(
  nats: NatsConnection,
  prefix: string,
  subject: string,
  handler: (request: ReceivedRequest) => unknown | Promise<unknown>,
): Subscription {
  const subscription = nats.subscribe(`${prefix}.${subject}`);
  void (async () => {
    for await (const message of subscription) {
      const packet = codec.decode(message.data);
      const headers: Record<string, string> = {};
      for (const [key] of message.headers ?? []) headers[key] = message.headers?.get(key) ?? '';
      try {
        const response = await handler({ data: packet.data, headers, caller: standInCallerOf(message.headers) });
        message.respond(replyCodec.encode({ id: packet.id, response, isDisposed: true }));
      } catch (error) {
        message.respond(replyCodec.encode({ id: packet.id, err: error as RpcErrorBody, isDisposed: true }));
      }
    }
  })();
  return subscription;
}

export interface TokenOptions {
  userId?: string;
  organizationId?: string;
  roles?: Role[];
  /** Adds the role identity gives a user listed in PLATFORM_OPERATORS. */
  platformOperator?: boolean;
  expiresIn?: string | number;
  key?: SigningKey;
  kid?: string;
}

export interface GatewayHarness {
  stack: TestStack;
  gateway: RunningGateway;
  url: string;
  organizationId: string;
  /** Signs an access token the way identity does (ES256 with a published kid). */
  token(options?: TokenOptions): Promise<string>;
  /** A key identity never published: tokens signed with it must be rejected. */
  foreignKey: SigningKey;
  /** Identity rotates: a new key is published from now on (the gateway still has the old JWKS cached). */
  rotateKey(): Promise<{ key: SigningKey; kid: string }>;
  teardown(): Promise<void>;
}

/** NATS + a gateway (no database service needed) + a JWKS responder with a key made here. */
export async function startGatewayHarness(env: NodeJS.ProcessEnv = {}): Promise<GatewayHarness> {
  const stack = await startTestStack([]);
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const foreign = await generateKeyPair('ES256');
  const kid = randomUUID();
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  const published: JWK[] = [jwk];
  const jwks = respond(stack.nats, stack.prefix, 'identity.v1.auth.jwks', () => ({ keys: published }));
  const gateway = await gatewayService.start({ ...stack.envFor('gateway'), PORT: '0', HOST: '127.0.0.1', ...env });
  const organizationId = randomUUID();
  return {
    stack,
    gateway,
    url: gateway.url,
    organizationId,
    foreignKey: foreign.privateKey,
    rotateKey: async () => {
      const next = await generateKeyPair('ES256', { extractable: true });
      const nextKid = randomUUID();
      published.push({ ...(await exportJWK(next.publicKey)), kid: nextKid, alg: 'ES256', use: 'sig' });
      return { key: next.privateKey, kid: nextKid };
    },
    token: async (options = {}) => {
      const roles = options.roles ?? ['owner'];
      const claimed = options.platformOperator ? [...roles, PLATFORM_OPERATOR] : roles;
      return new SignJWT({ org: options.organizationId ?? organizationId, email: 'anna@example.de', roles: claimed, scopes: scopesForRoles(roles) })
        .setProtectedHeader({ alg: 'ES256', kid: options.kid ?? kid })
        .setSubject(options.userId ?? randomUUID())
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '5m')
        .sign(options.key ?? privateKey);
    },
    teardown: async () => {
      await gateway.close();
      jwks.unsubscribe();
      await stack.teardown();
    },
  };
}
