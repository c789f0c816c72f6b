import { LeaseEvent } from '@quartier/contracts-leasing';
import { occupancyAfter } from './lease-occupancy';

const vacant = { status: 'vacant' as const, leaseId: null };

describe('unit occupancy from lease events', () => {
  it('occupies the unit when its lease activates', () => {
    expect(occupancyAfter(vacant, { type: LeaseEvent.ACTIVATED, leaseId: 'a' })).toEqual({ status: 'occupied', leaseId: 'a' });
  });

  it('frees the unit when its lease is terminated or expires', () => {
    const occupied = { status: 'occupied' as const, leaseId: 'a' };
    expect(occupancyAfter(occupied, { type: LeaseEvent.TERMINATED, leaseId: 'a' })).toEqual(vacant);
    expect(occupancyAfter(occupied, { type: LeaseEvent.EXPIRED, leaseId: 'a' })).toEqual(vacant);
  });

  it('keeps the unit occupied when the previous lease ends after the next one activated', () => {
    const renewed = occupancyAfter({ status: 'occupied', leaseId: 'old' }, { type: LeaseEvent.ACTIVATED, leaseId: 'new' });
    expect(renewed).toEqual({ status: 'occupied', leaseId: 'new' });
    expect(occupancyAfter({ status: 'occupied', leaseId: 'new' }, { type: LeaseEvent.EXPIRED, leaseId: 'old' })).toBeUndefined();
  });

  it('frees a unit marked occupied by hand when a lease on it ends', () => {
    expect(occupancyAfter({ status: 'occupied', leaseId: null }, { type: LeaseEvent.TERMINATED, leaseId: 'a' })).toEqual(vacant);
  });

  it('leaves a unit under maintenance as it is when its lease ends', () => {
    expect(occupancyAfter({ status: 'maintenance', leaseId: 'a' }, { type: LeaseEvent.TERMINATED, leaseId: 'a' })).toBeUndefined();
  });

  it('changes nothing when the event repeats what is already true, or is not a lifecycle event', () => {
    expect(occupancyAfter({ status: 'occupied', leaseId: 'a' }, { type: LeaseEvent.ACTIVATED, leaseId: 'a' })).toBeUndefined();
    expect(occupancyAfter(vacant, { type: LeaseEvent.EXPIRED, leaseId: 'a' })).toBeUndefined();
    expect(occupancyAfter(vacant, { type: 'leasing.lease.created', leaseId: 'a' })).toBeUndefined();
  });
});
