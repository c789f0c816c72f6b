import { AccessRequirement } from '@quartier/auth';
import { Role, Scope } from '@quartier/contracts-shared';

/** The scope a route needs when it declares none: reading reads, writing writes, deleting deletes. */
export function defaultScopeFor(method: string): Scope {
  switch (method.toUpperCase()) {
    case 'GET':
    case 'HEAD':
    case 'OPTIONS':
      return 'read';
    case 'DELETE':
      return 'delete';
    default:
      return 'write';
  }
}

/** Declared scopes win; without them the method decides. Declared roles always apply. */
export function accessRequirement(
  method: string,
  declared: { scopes?: readonly Scope[]; roles?: readonly Role[] },
): AccessRequirement {
  return {
    scopes: declared.scopes ?? [defaultScopeFor(method)],
    ...(declared.roles && declared.roles.length > 0 ? { roles: declared.roles } : {}),
  };
}
