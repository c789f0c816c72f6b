import { createHash, randomBytes } from 'node:crypto';

/** Password-reset and invitation tokens: 256 random bits for the link, only the SHA-256 hash stored. */
export function newOneTimeToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashOneTimeToken(token) };
}

export function hashOneTimeToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface OneTimeTokenState {
  expiresAt: Date;
  /** When it was redeemed (password reset) or accepted (invitation). */
  usedAt: Date | null;
  revokedAt?: Date | null;
}

export type OneTimeTokenStatus = 'usable' | 'used' | 'revoked' | 'expired';

export function oneTimeTokenStatus(token: OneTimeTokenState, now: Date): OneTimeTokenStatus {
  if (token.usedAt) return 'used';
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'usable';
}
