import { CallerRole, Role, Scope } from '@quartier/contracts-shared';

/** ARCHITECTURE §1: scopes follow from the role. A resident only reads (and files requests where a service allows it). */
export const ROLE_SCOPES: Record<Role, Scope[]> = {
  owner: ['read', 'write', 'delete', 'admin'],
  admin: ['read', 'write', 'delete', 'admin'],
  manager: ['read', 'write', 'delete'],
  agent: ['read', 'write'],
  viewer: ['read'],
  resident: ['read'],
};

export function scopesForRoles(roles: readonly Role[]): Scope[] {
  const scopes = new Set<Scope>();
  for (const role of roles) ROLE_SCOPES[role].forEach((scope) => scopes.add(scope));
  return [...scopes];
}

/** A renter with no staff role: sees only their own records, never the organization's tools. */
export function isResidentOnly(roles: readonly CallerRole[]): boolean {
  return roles.includes('resident') && roles.every((role) => role === 'resident');
}

/** Roles that may manage members and organization settings. */
export const ADMIN_ROLES: readonly Role[] = ['owner', 'admin'];
