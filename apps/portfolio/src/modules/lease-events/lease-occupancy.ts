import type { UnitStatus } from '@quartier/contracts-portfolio';
import { LeaseEvent } from '@quartier/contracts-leasing';

export interface Occupancy {
  status: UnitStatus;
  /** The lease that occupies the unit, when occupancy came from a lease. */
  leaseId: string | null;
}

export interface LeaseFact {
  type: string;
  leaseId: string;
}

/**
 * What a lease lifecycle event does to its unit; undefined when nothing changes. The end of a
 * lease frees an occupied unit only if that lease (or no known lease) occupies it: on a renewal
 * or a handover the next lease may activate before the old one's end arrives. A unit the manager
 * put into maintenance or took off the market stays so.
 */
export function occupancyAfter(current: Occupancy, fact: LeaseFact): Occupancy | undefined {
  switch (fact.type) {
    case LeaseEvent.ACTIVATED:
      if (current.status === 'occupied' && current.leaseId === fact.leaseId) return undefined;
      return { status: 'occupied', leaseId: fact.leaseId };
    case LeaseEvent.TERMINATED:
    case LeaseEvent.EXPIRED:
      if (current.leaseId !== null && current.leaseId !== fact.leaseId) return undefined;
      if (current.status !== 'occupied') return undefined;
      return { status: 'vacant', leaseId: null };
    default:
      return undefined;
  }
}

export const LEASE_EVENT_REASONS: Readonly<Record<string, string>> = {
  [LeaseEvent.ACTIVATED]: 'Lease activated',
  [LeaseEvent.TERMINATED]: 'Lease terminated',
  [LeaseEvent.EXPIRED]: 'Lease expired',
};
