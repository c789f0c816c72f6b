import { CallerRole, ROLES, Role } from '@quartier/contracts-shared';
import { ADMIN_ROLES } from '@quartier/auth';

export function canManageMembers(callerRoles: readonly CallerRole[]): boolean {
  return ADMIN_ROLES.some((role) => callerRoles.includes(role));
}

/** Only owners grant the owner role or change an owner's membership; admins manage everyone else. */
export function canChangeMembership(callerRoles: readonly CallerRole[], currentRole: Role | undefined, newRole: Role | undefined): boolean {
  if (!canManageMembers(callerRoles)) return false;
  if (callerRoles.includes('owner')) return true;
  return currentRole !== 'owner' && newRole !== 'owner';
}

/** Whether removing or demoting a member with `currentRole` would leave the organization without an owner. */
export function removesLastOwner(currentRole: Role, newRole: Role | undefined, ownerCount: number): boolean {
  return currentRole === 'owner' && newRole !== 'owner' && ownerCount <= 1;
}

/** The most privileged of several roles (ROLES is ordered from most to least privileged). */
export function highestRole(roles: readonly Role[]): Role {
  return [...roles].sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b))[0] ?? 'viewer';
}
