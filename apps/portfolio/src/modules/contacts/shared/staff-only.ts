import { isResidentOnly } from '@quartier/auth';
import { OrgCaller } from '@quartier/contracts-shared';
import { forbidden } from '@quartier/messaging';

/** The CRM is the agency's own data: a resident (renter) has no view of it, whatever the route. */
export function assertStaff(caller: OrgCaller): void {
  if (isResidentOnly(caller.roles)) throw forbidden('Residents have no access to contacts');
}
