import { isValidIdempotencyKey } from './idempotency-key';

describe('isValidIdempotencyKey', () => {
  it('accepts 1 to 255 visible ASCII characters, such as a UUID', () => {
    expect(isValidIdempotencyKey('5f0c8a4e-8a43-4d8e-9c61-1a1b6f1d2c3e')).toBe(true);
    expect(isValidIdempotencyKey('k')).toBe(true);
    expect(isValidIdempotencyKey('~'.repeat(255))).toBe(true);
  });

  it('refuses an empty or too long key, spaces, control characters and non-ASCII text', () => {
    expect(isValidIdempotencyKey('')).toBe(false);
    expect(isValidIdempotencyKey('a'.repeat(256))).toBe(false);
    expect(isValidIdempotencyKey('two words')).toBe(false);
    expect(isValidIdempotencyKey('tab\there')).toBe(false);
    expect(isValidIdempotencyKey('schlüssel')).toBe(false);
  });
});
