import { CallerRole, Scope } from '@quartier/contracts-shared';

export interface AccessRequirement {
  scopes?: readonly Scope[];
  roles?: readonly CallerRole[];
}

/** Plain rule behind the guards: every required scope, and one of the required roles. */
export function isAllowed(granted: { roles: readonly CallerRole[]; scopes: readonly Scope[] }, required: AccessRequirement): boolean {
  const hasScopes = (required.scopes ?? []).every((scope) => granted.scopes.includes(scope));
  const hasRole = !required.roles || required.roles.length === 0 || required.roles.some((role) => granted.roles.includes(role));
  return hasScopes && hasRole;
}
