import { Caller, Scope } from '@quartier/contracts-shared';
import { forbidden } from '@quartier/messaging';

const STAFF_ROLES = ['owner', 'admin', 'manager', 'agent', 'viewer'];

/** A resident with no staff role beside it. */
export function isResidentOnly(caller: Caller): boolean {
  return caller.roles.includes('resident') && !caller.roles.some((role) => STAFF_ROLES.includes(role));
}

/** The document index is a staff tool: residents only reach it through chat (resident sources). */
export function requireStaff(caller: Caller, scope: Scope): void {
  if (isResidentOnly(caller)) throw forbidden('Residents cannot manage the assistant’s documents');
  if (!caller.scopes.includes(scope)) throw forbidden(`This needs the ${scope} scope`);
}
