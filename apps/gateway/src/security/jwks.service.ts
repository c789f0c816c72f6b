import { JSONWebKeySet, JWTPayload, JWTVerifyGetKey, createLocalJWKSet, errors, jwtVerify } from 'jose';
import { AuthOperations, JwksDto } from '@quartier/contracts-identity';
import { OperationClient, RpcClient } from '@quartier/messaging';

/** Refetching on an unknown kid happens at most this often, so random kids cannot flood identity. */
const REFETCH_COOLDOWN_MS = 1000;

/**
 * Verifies access tokens (ES256 only) against identity's JWKS, fetched over NATS and cached.
 * A token signed with a key we have not seen yet triggers one refetch (key rotation).
 */
export class JwksService {
  private cached?: { keys: JWTVerifyGetKey; jwks: JwksDto; fetchedAt: number };
  private inflight?: Promise<{ keys: JWTVerifyGetKey; jwks: JwksDto; fetchedAt: number }>;
  private readonly operations: OperationClient;

  constructor(
    rpc: RpcClient,
    private readonly cacheMs: number,
  ) {
    this.operations = new OperationClient(rpc);
  }

  async verify(token: string): Promise<JWTPayload> {
    const current = await this.load(false);
    try {
      return (await jwtVerify(token, current.keys, { algorithms: ['ES256'] })).payload;
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey) || Date.now() - current.fetchedAt < REFETCH_COOLDOWN_MS) throw error;
      const fresh = await this.load(true);
      return (await jwtVerify(token, fresh.keys, { algorithms: ['ES256'] })).payload;
    }
  }

  /** The public keys as identity publishes them (served at /.well-known/jwks.json). */
  async jwks(): Promise<JwksDto> {
    return (await this.load(false)).jwks;
  }

  private async load(force: boolean): Promise<{ keys: JWTVerifyGetKey; jwks: JwksDto; fetchedAt: number }> {
    if (!force && this.cached && Date.now() - this.cached.fetchedAt < this.cacheMs) return this.cached;
    this.inflight ??= this.fetch().finally(() => (this.inflight = undefined));
    this.cached = await this.inflight;
    return this.cached;
  }

  private async fetch(): Promise<{ keys: JWTVerifyGetKey; jwks: JwksDto; fetchedAt: number }> {
    const jwks = await this.operations.send(AuthOperations.jwks, {}, { requestId: 'gateway-jwks', roles: [], scopes: [] });
    return { jwks, keys: createLocalJWKSet(jwks as unknown as JSONWebKeySet), fetchedAt: Date.now() };
  }
}
