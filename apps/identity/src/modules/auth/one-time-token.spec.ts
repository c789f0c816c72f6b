import { hashOneTimeToken, newOneTimeToken, oneTimeTokenStatus } from './one-time-token';

describe('one-time tokens (password reset, invitations)', () => {
  const now = new Date('2026-12-05T10:00:00Z');
  const later = new Date('2026-12-05T11:00:00Z');

  it('are random, URL-safe and stored only as their hash', () => {
    const first = newOneTimeToken();
    const second = newOneTimeToken();
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.token).not.toBe(second.token);
    expect(first.hash).toBe(hashOneTimeToken(first.token));
    expect(first.hash).not.toContain(first.token);
  });

  it('work until they expire, once', () => {
    expect(oneTimeTokenStatus({ expiresAt: later, usedAt: null }, now)).toBe('usable');
    expect(oneTimeTokenStatus({ expiresAt: now, usedAt: null }, now)).toBe('expired');
    expect(oneTimeTokenStatus({ expiresAt: later, usedAt: now }, now)).toBe('used');
    expect(oneTimeTokenStatus({ expiresAt: later, usedAt: null, revokedAt: now }, now)).toBe('revoked');
  });
});
