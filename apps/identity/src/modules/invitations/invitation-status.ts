import { InvitationStatus } from '@quartier/contracts-identity';
import { oneTimeTokenStatus } from '../auth/one-time-token';

export interface InvitationState {
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

const BY_TOKEN_STATUS = { usable: 'pending', used: 'accepted', revoked: 'revoked', expired: 'expired' } as const;

/** Accepted wins over revoked or expired: once someone joined, that is what the invitation did. */
export function invitationStatus(invitation: InvitationState, now: Date): InvitationStatus {
  return BY_TOKEN_STATUS[oneTimeTokenStatus({ expiresAt: invitation.expiresAt, usedAt: invitation.acceptedAt, revokedAt: invitation.revokedAt }, now)];
}

/** SQL condition (alias `i`, parameter `:now`) selecting invitations of one status. */
export const STATUS_CONDITIONS: Record<InvitationStatus, string> = {
  pending: 'i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > :now',
  accepted: 'i.accepted_at IS NOT NULL',
  revoked: 'i.accepted_at IS NULL AND i.revoked_at IS NOT NULL',
  expired: 'i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at <= :now',
};
