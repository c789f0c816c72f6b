import { InvitationDto } from '@quartier/contracts-identity';
import { InvitationEntity } from './invitation.entity';
import { invitationStatus } from './invitation-status';

export function toInvitationDto(invitation: InvitationEntity, now: Date = new Date()): InvitationDto {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    status: invitationStatus(invitation, now),
    invitedBy: invitation.invitedBy,
    expiresAt: invitation.expiresAt.toISOString(),
    acceptedAt: invitation.acceptedAt?.toISOString() ?? null,
    revokedAt: invitation.revokedAt?.toISOString() ?? null,
    createdAt: invitation.createdAt.toISOString(),
  };
}
