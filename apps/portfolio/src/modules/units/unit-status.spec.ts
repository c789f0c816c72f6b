import { UNIT_STATUSES } from '@quartier/contracts-portfolio';
import { allowedTransitions, canTransition } from './unit-status';

describe('manual unit status transitions', () => {
  it('lets a vacant unit become anything else', () => {
    expect([...allowedTransitions('vacant')].sort()).toEqual(['maintenance', 'occupied', 'reserved', 'unavailable']);
  });

  it('never allows a change to the same status', () => {
    for (const status of UNIT_STATUSES) expect(canTransition(status, status)).toBe(false);
  });

  it('requires an occupied unit to be vacated before it is reserved or made unavailable', () => {
    expect(canTransition('occupied', 'reserved')).toBe(false);
    expect(canTransition('occupied', 'unavailable')).toBe(false);
    expect(canTransition('occupied', 'vacant')).toBe(true);
  });

  it('lets a unit under maintenance return to the market', () => {
    expect(canTransition('maintenance', 'vacant')).toBe(true);
    expect(canTransition('maintenance', 'reserved')).toBe(false);
  });

  it('leaves every status a way back to vacant', () => {
    for (const status of UNIT_STATUSES.filter((s) => s !== 'vacant')) expect(canTransition(status, 'vacant')).toBe(true);
  });
});
