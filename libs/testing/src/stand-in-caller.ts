import { MsgHdrs } from 'nats';
import { CallerHeader } from '@quartier/contracts-shared';

export interface StandInCaller {
  organizationId?: string;
  userId?: string;
  roles: string[];
}

/**
 * What a caller context says, read by a test stand-in of a service to record whom a request was
 * for. It does not verify the signature: the services' own NATS servers do that, and their specs
 * test it.
 */
export function standInCallerOf(headers: MsgHdrs | undefined): StandInCaller {
  const token = headers?.get(CallerHeader.CONTEXT) ?? '';
  const body = token.slice(0, Math.max(token.indexOf('.'), 0));
  if (!body) return { roles: [] };
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as { org?: string; sub?: string; roles?: string[] };
  return { organizationId: claims.org, userId: claims.sub, roles: claims.roles ?? [] };
}
