import { decideRefresh } from './refresh-rotation';

describe('refresh token rotation', () => {
  const now = new Date('2026-11-22T10:00:00Z');
  const later = new Date('2026-12-22T10:00:00Z');

  it('rotates a fresh token', () => {
    expect(decideRefresh({ usedAt: null, revokedAt: null, expiresAt: later }, now)).toBe('rotate');
  });

  it('treats a used token as reuse, which revokes the family', () => {
    expect(decideRefresh({ usedAt: now, revokedAt: null, expiresAt: later }, now)).toBe('reuse');
  });

  it('rejects revoked and expired tokens', () => {
    expect(decideRefresh({ usedAt: null, revokedAt: now, expiresAt: later }, now)).toBe('reject');
    expect(decideRefresh({ usedAt: now, revokedAt: now, expiresAt: later }, now)).toBe('reject');
    expect(decideRefresh({ usedAt: null, revokedAt: null, expiresAt: now }, now)).toBe('reject');
  });
});
