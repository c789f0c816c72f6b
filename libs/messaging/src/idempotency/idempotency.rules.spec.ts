import { IdempotencyRecord, nextStep, requestHash } from './idempotency.rules';

describe('requestHash', () => {
  it('is the same for the same request whatever the order of its fields', () => {
    expect(requestHash({ name: 'Unit 1', rooms: 2, address: { city: 'Berlin', street: 'A' } })).toBe(
      requestHash({ address: { street: 'A', city: 'Berlin' }, rooms: 2, name: 'Unit 1' }),
    );
  });

  it('ignores undefined fields, as the JSON on the wire does', () => {
    expect(requestHash({ name: 'x', note: undefined })).toBe(requestHash({ name: 'x' }));
  });

  it('differs when a value, a nested value or the order of a list differs', () => {
    const base = requestHash({ amountCents: 100, lines: [1, 2] });
    expect(requestHash({ amountCents: 101, lines: [1, 2] })).not.toBe(base);
    expect(requestHash({ amountCents: 100, lines: [2, 1] })).not.toBe(base);
    expect(requestHash({ amountCents: '100', lines: [1, 2] })).not.toBe(base);
    expect(requestHash({ amountCents: 100, lines: [1, 2], id: 'other' })).not.toBe(base);
  });
});

describe('nextStep', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  const later = new Date('2026-03-01T12:00:30Z');
  const earlier = new Date('2026-03-01T11:59:00Z');
  const pending: IdempotencyRecord = { requestHash: 'h1', state: 'pending', response: null, lockedUntil: later };
  const done: IdempotencyRecord = { requestHash: 'h1', state: 'done', response: { id: 'u1' }, lockedUntil: null };

  it('claims a key nobody holds (never used, or released after a failure)', () => {
    expect(nextStep(undefined, 'h1', now)).toEqual({ kind: 'claim' });
  });

  it('replays the stored answer of a finished first attempt with the same request', () => {
    expect(nextStep(done, 'h1', now)).toEqual({ kind: 'replay', response: { id: 'u1' } });
  });

  it('refuses a key used for another request, finished or still running', () => {
    expect(nextStep(done, 'h2', now)).toEqual({ kind: 'reused' });
    expect(nextStep(pending, 'h2', now)).toEqual({ kind: 'reused' });
    expect(nextStep({ ...pending, lockedUntil: earlier }, 'h2', now)).toEqual({ kind: 'reused' });
  });

  it('waits while the first attempt holds its lock, and takes over once the lock ran out', () => {
    expect(nextStep(pending, 'h1', now)).toEqual({ kind: 'wait' });
    expect(nextStep({ ...pending, lockedUntil: earlier }, 'h1', now)).toEqual({ kind: 'take-over' });
    expect(nextStep({ ...pending, lockedUntil: now }, 'h1', now)).toEqual({ kind: 'take-over' });
  });
});
