import { CommonErrorCode, defineOperation } from '@quartier/contracts-shared';
import { OkDto } from './auth.dto';
import { IdentityErrorCode } from './identity.errors';
import {
  AcceptInvitationDto,
  CreateInvitationDto,
  InvitationAcceptedDto,
  InvitationDto,
  InvitationIdDto,
  InvitationPageDto,
  ListInvitationsDto,
} from './invitation.dto';

const service = 'identity';
const tags = ['organization'] as const;
const ADMINS = ['owner', 'admin'] as const;

/** Invitations by email to join the caller's organization, and accepting one. */
export const InvitationOperations = {
  create: defineOperation({
    service,
    subject: 'identity.v1.invitations.create',
    request: CreateInvitationDto,
    response: InvitationDto,
    http: {
      method: 'POST',
      path: '/organization/invitations',
      status: 201,
      tags,
      summary: 'Invite someone by email with a role (owners and admins; only owners invite owners)',
      description:
        'Mails a single-use link to accept. Replaces a pending invitation of the same email. 402 when the plan has no room for another user, 409 when already a member.',
    },
    access: { scopes: ['write'], roles: ADMINS },
    paged: false,
    // Each call mails a new link (and replaces the pending one).
    idempotency: 'none',
    errors: {
      [CommonErrorCode.VALIDATION_FAILED]: 422,
      [IdentityErrorCode.ALREADY_MEMBER]: 409,
      [IdentityErrorCode.PLAN_LIMIT_REACHED]: 402,
      [IdentityErrorCode.SUBSCRIPTION_INACTIVE]: 402,
      // Only owners invite owners.
      [CommonErrorCode.FORBIDDEN]: 403,
    },
  }),
  list: defineOperation({
    service,
    subject: 'identity.v1.invitations.list',
    request: ListInvitationsDto,
    response: InvitationPageDto,
    http: {
      method: 'GET',
      path: '/organization/invitations',
      status: 200,
      tags,
      summary: 'Invitations of the organization, newest first (filter by status: pending, accepted, revoked, expired)',
    },
    access: { scopes: ['read'], roles: ADMINS },
    paged: true,
    idempotency: 'safe',
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  revoke: defineOperation({
    service,
    subject: 'identity.v1.invitations.revoke',
    request: InvitationIdDto,
    response: OkDto,
    http: {
      method: 'DELETE',
      path: '/organization/invitations/:invitationId',
      status: 204,
      tags,
      summary: 'Revoke an invitation: its link stops working (an accepted one cannot be revoked, 409)',
      responseDescription: 'Revoked',
    },
    access: { scopes: ['delete'], roles: ADMINS },
    paged: false,
    idempotency: 'idempotent',
    errors: {
      [CommonErrorCode.VALIDATION_FAILED]: 422,
      [CommonErrorCode.NOT_FOUND]: 404,
      // Already accepted.
      [CommonErrorCode.CONFLICT]: 409,
      // Only owners revoke invitations of owners.
      [CommonErrorCode.FORBIDDEN]: 403,
    },
  }),
  /** Anonymous: the token is the credential. */
  accept: defineOperation({
    service,
    subject: 'identity.v1.auth.invitation.accept',
    request: AcceptInvitationDto,
    response: InvitationAcceptedDto,
    http: {
      method: 'POST',
      path: '/auth/invitations/accept',
      status: 200,
      tags: ['auth'],
      summary: 'Accept an invitation with the token from its link and join the organization',
      description:
        'An existing account joins with the token alone; a new account needs name and password (422 ACCOUNT_DETAILS_REQUIRED otherwise). 402 when the plan has no room, 409 when already a member, 422 for an invalid, expired, revoked or used token.',
    },
    access: 'public',
    paged: false,
    // The token is single use: a second call is refused.
    idempotency: 'none',
    errors: {
      [CommonErrorCode.VALIDATION_FAILED]: 422,
      [IdentityErrorCode.INVALID_INVITATION_TOKEN]: 422,
      [IdentityErrorCode.ACCOUNT_DETAILS_REQUIRED]: 422,
      [IdentityErrorCode.ALREADY_MEMBER]: 409,
      // The invitee's email already has an account created meanwhile.
      [IdentityErrorCode.EMAIL_TAKEN]: 409,
      [IdentityErrorCode.PLAN_LIMIT_REACHED]: 402,
      [IdentityErrorCode.SUBSCRIPTION_INACTIVE]: 402,
    },
  }),
};
