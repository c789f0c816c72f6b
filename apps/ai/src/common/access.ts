import { isResidentOnly } from '@quartier/auth';
import { Caller, Scope } from '@quartier/contracts-shared';
import { forbidden } from '@quartier/messaging';

/** The document index is a staff tool: residents only reach it through chat (resident sources). */
export function requireStaff(caller: Caller, scope: Scope): void {
  if (isResidentOnly(caller.roles)) throw forbidden('Residents cannot manage the assistant’s documents');
  if (!caller.scopes.includes(scope)) throw forbidden(`This needs the ${scope} scope`);
}
