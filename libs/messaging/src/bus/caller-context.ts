import { KeyObject, sign, verify } from 'node:crypto';
import { MsgHdrs } from 'nats';
import { CALLER_ROLES, Caller, CallerHeader, CallerRole, ComponentName, SCOPES, Scope, isComponentName, mayCall } from '@quartier/contracts-shared';
import { signingKeyOf, verifyingKeyOf } from './bus-keys';

/**
 * A caller context: who the request is for, signed by the component that sends it. It names the
 * one service it is for (aud), the request it belongs to (rid) and when it stops being valid (exp),
 * so a captured context cannot be replayed elsewhere or later.
 */
interface CallerClaims {
  iss: ComponentName;
  aud: string;
  rid: string;
  exp: number;
  org?: string;
  sub?: string;
  roles: CallerRole[];
  scopes: Scope[];
}

/** Why a context was refused; the callee answers 401 with this text and never runs the handler. */
export class UnprovenCallerError extends Error {
  override readonly name = 'UnprovenCallerError';
}

export class CallerContextSigner {
  private readonly privateKey: KeyObject;

  constructor(
    readonly component: ComponentName,
    seed: string,
    private readonly lifetimeMs: number,
  ) {
    this.privateKey = signingKeyOf(seed).privateKey;
  }

  /** The header value proving `caller` to `audience` for the next `lifetimeMs`. */
  sign(caller: Caller, audience: string, now = Date.now()): string {
    const claims: CallerClaims = {
      iss: this.component,
      aud: audience,
      rid: caller.requestId,
      exp: now + this.lifetimeMs,
      org: caller.organizationId,
      sub: caller.userId,
      roles: caller.roles,
      scopes: caller.scopes,
    };
    const body = Buffer.from(JSON.stringify(claims));
    return `${body.toString('base64url')}.${sign(null, body, this.privateKey).toString('base64url')}`;
  }
}

export class CallerContextVerifier {
  private readonly keys = new Map<ComponentName, KeyObject>();

  /** `trusted`: the public NKey of every component whose contexts may reach `service`. */
  constructor(
    private readonly service: string,
    trusted: Map<ComponentName, string>,
  ) {
    for (const [name, publicKey] of trusted) if (mayCall(name, service)) this.keys.set(name, verifyingKeyOf(publicKey));
  }

  /** The proven caller of a request, or UnprovenCallerError. Plain caller headers are never read. */
  verify(headers: MsgHdrs | undefined, now = Date.now()): Caller {
    const token = headers?.get(CallerHeader.CONTEXT);
    if (!token) throw new UnprovenCallerError('The request carries no caller context');
    const dot = token.indexOf('.');
    if (dot < 0) throw new UnprovenCallerError('The caller context is malformed');
    const body = Buffer.from(token.slice(0, dot), 'base64url');
    const signature = Buffer.from(token.slice(dot + 1), 'base64url');
    let claims: CallerClaims;
    try {
      claims = JSON.parse(body.toString()) as CallerClaims;
    } catch {
      throw new UnprovenCallerError('The caller context is malformed');
    }
    const key = isComponentName(claims.iss) ? this.keys.get(claims.iss) : undefined;
    if (!key) throw new UnprovenCallerError(`The caller context is not from a component allowed to call ${this.service}`);
    if (!verify(null, body, key, signature)) throw new UnprovenCallerError('The caller context signature is invalid');
    if (claims.aud !== this.service) throw new UnprovenCallerError(`The caller context is for ${claims.aud}, not ${this.service}`);
    if (!(claims.exp > now)) throw new UnprovenCallerError('The caller context has expired');
    if (claims.rid !== headers?.get(CallerHeader.REQUEST_ID)) throw new UnprovenCallerError('The caller context belongs to another request');
    return {
      requestId: claims.rid,
      organizationId: claims.org,
      userId: claims.sub,
      roles: (claims.roles ?? []).filter((role) => CALLER_ROLES.includes(role)),
      scopes: (claims.scopes ?? []).filter((scope) => SCOPES.includes(scope)),
      traceparent: headers?.get(CallerHeader.TRACEPARENT) || undefined,
    };
  }
}
