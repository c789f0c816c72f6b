import { LeaseEvent } from './lease.events';

describe('LeaseEvent', () => {
  it('names lease events under the leasing service', () => {
    expect(Object.values(LeaseEvent).every((type) => type.startsWith('leasing.lease.'))).toBe(true);
  });
});
