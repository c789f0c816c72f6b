import { isInFuture, lastContactAfter } from './activity-rules';

const at = (iso: string) => new Date(iso);

describe('activity rules', () => {
  it('moves the last contact forward only for a later call, email, meeting, viewing or offer', () => {
    const current = at('2026-11-10T10:00:00Z');
    expect(lastContactAfter(current, { type: 'call', occurredAt: at('2026-11-12T09:00:00Z') })).toEqual(at('2026-11-12T09:00:00Z'));
    expect(lastContactAfter(current, { type: 'viewing', occurredAt: at('2026-11-01T09:00:00Z') })).toBe(current);
    expect(lastContactAfter(current, { type: 'note', occurredAt: at('2026-11-12T09:00:00Z') })).toBe(current);
    expect(lastContactAfter(null, { type: 'email', occurredAt: current })).toBe(current);
    expect(lastContactAfter(null, { type: 'note', occurredAt: current })).toBeNull();
  });

  it('allows a few minutes of clock skew but no activity in the future', () => {
    const now = at('2026-11-10T10:00:00Z');
    expect(isInFuture(at('2026-11-10T10:04:59Z'), now)).toBe(false);
    expect(isInFuture(at('2026-11-10T10:05:01Z'), now)).toBe(true);
    expect(isInFuture(at('2020-01-01T00:00:00Z'), now)).toBe(false);
  });
});
