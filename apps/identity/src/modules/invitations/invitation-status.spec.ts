import { invitationStatus } from './invitation-status';

describe('invitation status', () => {
  const now = new Date('2026-12-05T10:00:00Z');
  const inAWeek = new Date('2026-12-12T10:00:00Z');
  const yesterday = new Date('2026-12-04T10:00:00Z');

  it('is pending until it expires', () => {
    expect(invitationStatus({ expiresAt: inAWeek, acceptedAt: null, revokedAt: null }, now)).toBe('pending');
    expect(invitationStatus({ expiresAt: now, acceptedAt: null, revokedAt: null }, now)).toBe('expired');
  });

  it('stays accepted after its expiry, and revoked stays revoked', () => {
    expect(invitationStatus({ expiresAt: yesterday, acceptedAt: yesterday, revokedAt: null }, now)).toBe('accepted');
    expect(invitationStatus({ expiresAt: inAWeek, acceptedAt: null, revokedAt: yesterday }, now)).toBe('revoked');
    expect(invitationStatus({ expiresAt: yesterday, acceptedAt: null, revokedAt: yesterday }, now)).toBe('revoked');
  });
});
