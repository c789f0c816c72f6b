import type { UnitStatus } from '@quartier/contracts-portfolio';
import { LeaseEvent } from '@quartier/contracts-leasing';

/** What a lease lifecycle event means for its unit; undefined for events portfolio ignores. */
export function unitStatusForLeaseEvent(eventType: string): UnitStatus | undefined {
  switch (eventType) {
    case LeaseEvent.ACTIVATED:
      return 'occupied';
    case LeaseEvent.TERMINATED:
    case LeaseEvent.EXPIRED:
      return 'vacant';
    default:
      return undefined;
  }
}

export const LEASE_EVENT_REASONS: Readonly<Record<string, string>> = {
  [LeaseEvent.ACTIVATED]: 'Lease activated',
  [LeaseEvent.TERMINATED]: 'Lease terminated',
  [LeaseEvent.EXPIRED]: 'Lease expired',
};
