import { OrgCaller } from '@quartier/contracts-shared';

/** A resident sees only their own tenant record and what hangs off it. */
export function isResident(caller: OrgCaller): boolean {
  return caller.roles.includes('resident') && !caller.roles.some((role) => role !== 'resident');
}
