/**
 * What workorders needs from leasing to accept a resident's request: the active leases of the
 * calling resident. Leasing answers this subject; the caller headers carry the resident's user.
 * Workorders accepts a request for a unit only when one of the returned leases names that unit.
 */
export const LeasingResidentSubjects = {
  activeLeasesForResident: 'leasing.v1.leases.active-for-resident',
} as const;

export interface ActiveLeasesForResidentRequest {
  /** The resident's user id (the same as the caller's `x-user-id`). */
  userId: string;
}

export interface ActiveLeaseSummary {
  leaseId: string;
  unitId: string;
}

export interface ActiveLeasesForResidentResponse {
  items: ActiveLeaseSummary[];
}
