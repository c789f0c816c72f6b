/** The stored state of a presented refresh token. */
export interface RefreshTokenState {
  usedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
}

/**
 * What to do with a presented refresh token:
 * - `rotate`: valid; mark it used and issue a new one in the same family;
 * - `reuse`: already used: someone replayed it (stolen?), so the whole family is revoked;
 * - `reject`: revoked or expired.
 */
export type RefreshDecision = 'rotate' | 'reuse' | 'reject';

export function decideRefresh(token: RefreshTokenState, now: Date): RefreshDecision {
  if (token.revokedAt) return 'reject';
  if (token.usedAt) return 'reuse';
  if (token.expiresAt.getTime() <= now.getTime()) return 'reject';
  return 'rotate';
}
