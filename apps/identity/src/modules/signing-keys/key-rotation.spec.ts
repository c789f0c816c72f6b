import { KeyLifecycle, RotationPolicy, isPublished, isRotationDue, planRotation, retiredKeyExpiry, signingKeyAt } from './key-rotation';

const policy: RotationPolicy = { rotationDays: 30, accessTokenTtlSeconds: 900, refreshSeconds: 60, marginSeconds: 300 };
const at = (iso: string): Date => new Date(iso);

function key(kid: string, activatedAt: string, retiredAt: string | null = null, expiresAt: string | null = null): KeyLifecycle {
  return { kid, activatedAt: at(activatedAt), retiredAt: retiredAt ? at(retiredAt) : null, expiresAt: expiresAt ? at(expiresAt) : null };
}

describe('signing-key rotation', () => {
  it('is due once the active key has signed for the rotation period', () => {
    const active = key('a', '2026-11-01T00:00:00Z');
    expect(isRotationDue(active, policy, at('2026-11-30T23:59:59Z'))).toBe(false);
    expect(isRotationDue(active, policy, at('2026-12-01T00:00:00Z'))).toBe(true);
  });

  it('keeps a retired key published for the token TTL plus the replica refresh and the margin', () => {
    const expiry = retiredKeyExpiry(at('2026-12-01T00:00:00Z'), policy);
    expect(expiry.toISOString()).toBe('2026-12-01T00:21:00.000Z');
    const retired = key('a', '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z', expiry.toISOString());
    expect(isPublished(retired, at('2026-12-01T00:20:59Z'))).toBe(true);
    expect(isPublished(retired, at('2026-12-01T00:21:00Z'))).toBe(false);
    expect(isPublished(key('b', '2026-12-01T00:00:00Z'), at('2030-01-01T00:00:00Z'))).toBe(true);
  });

  it('creates the first key signing at once, and publishes later keys one refresh interval before they sign', () => {
    const now = at('2026-12-05T00:00:00Z');
    const ahead = at('2026-12-05T00:01:00Z');
    expect(planRotation([], policy, now, false)).toEqual({ rotate: true, activateAt: now, drop: [] });
    expect(planRotation([key('a', '2026-12-01T00:00:00Z')], policy, now, false)).toEqual({ rotate: false, activateAt: ahead, drop: [] });
    expect(planRotation([key('a', '2026-12-01T00:00:00Z')], policy, now, true)).toEqual({ rotate: true, activateAt: ahead, drop: [] });
    expect(planRotation([key('a', '2026-10-01T00:00:00Z')], policy, now, false)).toEqual({ rotate: true, activateAt: ahead, drop: [] });
  });

  it('does not rotate again while the next key waits for its activation', () => {
    const now = at('2026-12-05T00:00:30Z');
    const keys = [key('old', '2026-10-01T00:00:00Z', '2026-12-05T00:01:00Z', '2026-12-05T00:22:00Z'), key('next', '2026-12-05T00:01:00Z')];
    expect(planRotation(keys, policy, now, false).rotate).toBe(false);
  });

  it('signs with the old key until the next one activates, then with the next one', () => {
    const keys = [key('old', '2026-10-01T00:00:00Z', '2026-12-05T00:01:00Z', '2026-12-05T00:22:00Z'), key('next', '2026-12-05T00:01:00Z')];
    expect(signingKeyAt(keys, at('2026-12-05T00:00:59Z'))?.kid).toBe('old');
    expect(signingKeyAt(keys, at('2026-12-05T00:01:00Z'))?.kid).toBe('next');
    expect(signingKeyAt([], at('2026-12-05T00:01:00Z'))).toBeUndefined();
  });

  it('drops only retired keys past their expiry', () => {
    const now = at('2026-12-05T00:00:00Z');
    const keys = [
      key('active', '2026-12-04T00:00:00Z'),
      key('fresh', '2026-11-01T00:00:00Z', '2026-12-04T23:50:00Z', '2026-12-05T00:11:00Z'),
      key('stale', '2026-10-01T00:00:00Z', '2026-11-01T00:00:00Z', '2026-11-01T00:21:00Z'),
    ];
    expect(planRotation(keys, policy, now, false)).toMatchObject({ rotate: false, drop: ['stale'] });
  });
});
