import { InboxEntity, OutboxEntity } from '@quartier/db';
import { AuditLogEntity } from './modules/audit/audit-log.entity';
import { RefreshTokenEntity } from './modules/auth/refresh-token.entity';
import { SigningKeyEntity } from './modules/signing-keys/signing-key.entity';
import { PasswordResetRequestEntity, PasswordResetTokenEntity } from './modules/password-reset/password-reset-token.entity';
import { InvitationEntity } from './modules/invitations/invitation.entity';
import { MembershipEntity } from './modules/organizations/membership.entity';
import { OrganizationEntity } from './modules/organizations/organization.entity';
import { UserEntity } from './modules/users/user.entity';

export const IDENTITY_SCHEMA = 'identity';

export const identityEntities = [
  OrganizationEntity,
  UserEntity,
  MembershipEntity,
  RefreshTokenEntity,
  SigningKeyEntity,
  PasswordResetTokenEntity,
  PasswordResetRequestEntity,
  InvitationEntity,
  AuditLogEntity,
  OutboxEntity,
  InboxEntity,
];
