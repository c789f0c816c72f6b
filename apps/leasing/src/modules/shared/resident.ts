import { isResidentOnly } from '@quartier/auth';
import { OrgCaller } from '@quartier/contracts-shared';

/** A resident sees only their own tenant record and what hangs off it. */
export function isResident(caller: OrgCaller): boolean {
  return isResidentOnly(caller.roles);
}
