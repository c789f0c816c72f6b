import { requestHash } from './idempotency';

describe('idempotency request hash', () => {
  it('ignores field order and undefined fields but not values', () => {
    expect(requestHash({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(requestHash({ b: { d: 'x', c: [1, 2] }, a: 1, e: undefined }));
    expect(requestHash({ amountCents: 100 })).not.toBe(requestHash({ amountCents: 101 }));
  });
});
