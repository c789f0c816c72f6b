import { MsgHdrs, headers as natsHeaders } from 'nats';
import { Caller, CallerHeader, ROLES, Role, SCOPES, Scope } from '@quartier/contracts-shared';

/** Writes the caller into NATS headers (ARCHITECTURE §3). */
export function callerToHeaders(caller: Caller): MsgHdrs {
  const result = natsHeaders();
  result.set(CallerHeader.REQUEST_ID, caller.requestId);
  if (caller.organizationId) result.set(CallerHeader.ORGANIZATION_ID, caller.organizationId);
  if (caller.userId) result.set(CallerHeader.USER_ID, caller.userId);
  if (caller.roles.length > 0) result.set(CallerHeader.ROLES, caller.roles.join(','));
  if (caller.scopes.length > 0) result.set(CallerHeader.SCOPES, caller.scopes.join(','));
  if (caller.traceparent) result.set(CallerHeader.TRACEPARENT, caller.traceparent);
  return result;
}

/** Reads the caller from NATS headers; unknown roles or scopes are dropped, never trusted. */
export function callerFromHeaders(source: MsgHdrs | undefined): Caller {
  const read = (name: string): string | undefined => {
    const value = source?.get(name);
    return value ? value : undefined;
  };
  const roles = (read(CallerHeader.ROLES) ?? '').split(',').filter((role): role is Role => ROLES.includes(role as Role));
  const scopes = (read(CallerHeader.SCOPES) ?? '').split(',').filter((scope): scope is Scope => SCOPES.includes(scope as Scope));
  return {
    requestId: read(CallerHeader.REQUEST_ID) ?? 'none',
    organizationId: read(CallerHeader.ORGANIZATION_ID),
    userId: read(CallerHeader.USER_ID),
    roles,
    scopes,
    traceparent: read(CallerHeader.TRACEPARENT),
  };
}
