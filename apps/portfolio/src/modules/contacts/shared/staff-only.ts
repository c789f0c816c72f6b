import { OrgCaller } from '@quartier/contracts-shared';
import { forbidden } from '@quartier/messaging';

/** The CRM is the agency's own data: a resident (renter) has no view of it, whatever the route. */
export function assertStaff(caller: OrgCaller): void {
  const residentOnly = caller.roles.includes('resident') && !caller.roles.some((role) => role !== 'resident');
  if (residentOnly) throw forbidden('Residents have no access to contacts');
}
