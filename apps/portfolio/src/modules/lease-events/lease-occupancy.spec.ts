import { LeaseEvent } from '@quartier/contracts-leasing';
import { unitStatusForLeaseEvent } from './lease-occupancy';

describe('unit occupancy from lease events', () => {
  it('occupies the unit when its lease activates', () => {
    expect(unitStatusForLeaseEvent(LeaseEvent.ACTIVATED)).toBe('occupied');
  });

  it('frees the unit when its lease is terminated or expires', () => {
    expect(unitStatusForLeaseEvent(LeaseEvent.TERMINATED)).toBe('vacant');
    expect(unitStatusForLeaseEvent(LeaseEvent.EXPIRED)).toBe('vacant');
  });

  it('ignores other events', () => {
    expect(unitStatusForLeaseEvent('leasing.lease.created')).toBeUndefined();
  });
});
