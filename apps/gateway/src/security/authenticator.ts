import { BlockList } from 'node:net';
import { JWTPayload, decodeProtectedHeader, errors } from 'jose';
import { Principal, isTrustedSource, parseTrustedHeaders } from '@quartier/auth';
import { AuthOperations, ProvisionTrustedDto } from '@quartier/contracts-identity';
import { CALLER_ROLES, CallerRole, CommonErrorCode, Role, SCOPES, Scope } from '@quartier/contracts-shared';
import { OperationClient, RpcClient } from '@quartier/messaging';
import { ProblemException } from '../platform/problem';
import { JwksService } from './jwks.service';

export interface AutheliaOptions {
  enabled: boolean;
  trustedProxies: BlockList;
  groupRoles: Record<string, Role>;
  defaultRole: Role;
  organizationId?: string;
  cacheMs: number;
}

/** Who is calling, or why the credentials they sent were not accepted. */
export interface Authentication {
  principal?: Principal;
  failure?: ProblemException;
}

type Headers = Record<string, string | string[] | undefined>;

const MAX_CACHED_ENTRIES = 10_000;
/** A verified token is trusted until it expires, but re-verified at least this often. */
const VERIFIED_TOKEN_CACHE_MS = 60_000;

/**
 * Resolves the principal of a request: a Bearer access token, or (Authelia mode) the trusted
 * headers, but only when the TCP peer is one of the trusted proxies. Nothing here rejects a
 * request: the access guard decides, because public routes ignore bad credentials.
 */
export class Authenticator {
  private readonly trustedUsers = new Map<string, { principal: Principal; expiresAt: number }>();
  /** Signature checks dominate the gateway's own cost per request; a client reuses its token many times. */
  private readonly verifiedTokens = new Map<string, { principal: Principal; expiresAt: number }>();
  private readonly operations: OperationClient;

  constructor(
    private readonly jwks: JwksService,
    rpc: RpcClient,
    private readonly authelia: AutheliaOptions,
  ) {
    this.operations = new OperationClient(rpc);
  }

  async authenticate(headers: Headers, peerAddress: string | undefined, requestId: string): Promise<Authentication> {
    const authorization = first(headers['authorization']);
    if (authorization !== undefined) return this.fromBearer(authorization);
    if (this.authelia.enabled && isTrustedSource(this.authelia.trustedProxies, peerAddress)) {
      return this.fromTrustedHeaders(headers, requestId);
    }
    return {};
  }

  private async fromBearer(authorization: string): Promise<Authentication> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) return { failure: unauthenticated('The Authorization header must be `Bearer <access token>`') };
    const token = match[1];
    const cached = this.verifiedTokens.get(token);
    if (cached && cached.expiresAt > Date.now()) return { principal: cached.principal };
    // Malformed tokens are rejected without asking identity for keys.
    if (!isEs256Jwt(token)) return { failure: unauthenticated('The access token is invalid') };
    let payload: JWTPayload;
    try {
      payload = await this.jwks.verify(token);
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { failure: unauthenticated('The access token has expired') };
      if (error instanceof Error && error.name === 'RpcError') {
        return { failure: new ProblemException(503, CommonErrorCode.SERVICE_UNAVAILABLE, 'Credentials cannot be verified right now') };
      }
      return { failure: unauthenticated('The access token is invalid') };
    }
    const principal = principalFromClaims(payload);
    if (!principal) return { failure: unauthenticated('The access token is invalid') };
    remember(this.verifiedTokens, token, principal, Math.min((payload.exp ?? 0) * 1000, Date.now() + VERIFIED_TOKEN_CACHE_MS));
    return { principal };
  }

  private async fromTrustedHeaders(headers: Headers, requestId: string): Promise<Authentication> {
    const identity = parseTrustedHeaders(headers, this.authelia.groupRoles, this.authelia.defaultRole);
    if (!identity || !this.authelia.organizationId) return {};
    const key = JSON.stringify([identity.username, identity.email, identity.name, identity.roles]);
    const cached = this.trustedUsers.get(key);
    if (cached && cached.expiresAt > Date.now()) return { principal: cached.principal };
    const request: ProvisionTrustedDto = { ...identity, organizationId: this.authelia.organizationId };
    try {
      const provisioned = await this.operations.send(AuthOperations.provisionTrusted, request, { requestId, roles: [], scopes: [] });
      const principal: Principal = {
        userId: provisioned.userId,
        organizationId: provisioned.organizationId,
        email: provisioned.email,
        roles: provisioned.roles,
        scopes: provisioned.scopes,
        via: 'trusted-header',
      };
      remember(this.trustedUsers, key, principal, Date.now() + this.authelia.cacheMs);
      return { principal };
    } catch (error) {
      const status = error instanceof Error && error.name === 'RpcError' ? (error as Error & { status: number }).status : 500;
      if (status === 503 || status === 504) {
        return { failure: new ProblemException(503, CommonErrorCode.SERVICE_UNAVAILABLE, 'Credentials cannot be verified right now') };
      }
      return { failure: unauthenticated('The signed-in user could not be provisioned') };
    }
  }
}

export function unauthenticated(detail: string): ProblemException {
  return new ProblemException(401, CommonErrorCode.UNAUTHENTICATED, detail);
}

/** Claims → principal; unknown roles or scopes are dropped, never trusted. */
export function principalFromClaims(payload: JWTPayload): Principal | undefined {
  const { sub, org, email, roles, scopes } = payload as JWTPayload & Record<string, unknown>;
  if (typeof sub !== 'string' || typeof org !== 'string' || !Array.isArray(roles)) return undefined;
  const knownRoles = roles.filter((role): role is CallerRole => CALLER_ROLES.includes(role as CallerRole));
  const knownScopes = Array.isArray(scopes) ? scopes.filter((scope): scope is Scope => SCOPES.includes(scope as Scope)) : [];
  return {
    userId: sub,
    organizationId: org,
    email: typeof email === 'string' ? email : undefined,
    roles: knownRoles,
    scopes: knownScopes,
    via: 'jwt',
  };
}

function isEs256Jwt(token: string): boolean {
  try {
    return decodeProtectedHeader(token).alg === 'ES256';
  } catch {
    return false;
  }
}

/** A bounded cache: when full it starts over, which costs one verification per client. */
function remember(cache: Map<string, { principal: Principal; expiresAt: number }>, key: string, principal: Principal, expiresAt: number): void {
  if (cache.size >= MAX_CACHED_ENTRIES) cache.clear();
  cache.set(key, { principal, expiresAt });
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
