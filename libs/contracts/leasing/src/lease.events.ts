/** Lease lifecycle events published by leasing; portfolio consumes them to mark units occupied or vacant. */
export const LeaseEvent = {
  ACTIVATED: 'leasing.lease.activated',
  TERMINATED: 'leasing.lease.terminated',
  EXPIRED: 'leasing.lease.expired',
} as const;
export type LeaseEventType = (typeof LeaseEvent)[keyof typeof LeaseEvent];

export interface LeaseLifecyclePayload {
  leaseId: string;
  unitId: string;
  tenantId: string;
  /** ISO date (YYYY-MM-DD). */
  startDate: string;
  /** ISO date (YYYY-MM-DD); for a termination, the effective end; null for an open-ended lease. */
  endDate: string | null;
  /** Property of the unit, when portfolio told leasing at creation. */
  propertyId?: string | null;
}
