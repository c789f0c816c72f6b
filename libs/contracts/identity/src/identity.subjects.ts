import { subjectsOf } from '@quartier/contracts-shared';
import { AuditOperations } from './audit.operations';
import { AuthOperations, PasswordResetOperations } from './auth.operations';
import { InvitationOperations } from './invitation.operations';
import { LimitOperations } from './limits.operations';
import { MemberOperations, OrganizationOperations } from './organization.operations';
import { PlanOperations } from './plan.operations';
import { ProfileOperations } from './profile.operations';

/** Every identity operation under the names its subjects have always had. */
export const IdentityOperations = {
  authRegister: AuthOperations.register,
  authLogin: AuthOperations.login,
  authRefresh: AuthOperations.refresh,
  authLogout: AuthOperations.logout,
  authMe: AuthOperations.me,
  authJwks: AuthOperations.jwks,
  authProvisionTrusted: AuthOperations.provisionTrusted,
  authPasswordResetRequest: PasswordResetOperations.request,
  authPasswordResetConfirm: PasswordResetOperations.confirm,
  authInvitationAccept: InvitationOperations.accept,
  profileGet: ProfileOperations.get,
  profileUpdate: ProfileOperations.update,
  preferencesUpdate: ProfileOperations.updatePreferences,
  notificationsUpdate: ProfileOperations.updateNotifications,
  passwordChange: ProfileOperations.changePassword,
  avatarSet: ProfileOperations.setAvatar,
  avatarGet: ProfileOperations.getAvatar,
  organizationGet: OrganizationOperations.get,
  organizationUpdate: OrganizationOperations.update,
  membersList: MemberOperations.list,
  membersAdd: MemberOperations.add,
  membersChangeRole: MemberOperations.changeRole,
  membersRemove: MemberOperations.remove,
  invitationsCreate: InvitationOperations.create,
  invitationsList: InvitationOperations.list,
  invitationsRevoke: InvitationOperations.revoke,
  limitsGet: LimitOperations.get,
  limitsCheck: LimitOperations.check,
  auditList: AuditOperations.list,
  planSet: PlanOperations.set,
};

/** Every identity operation: what the service answers and the gateway routes. */
export const IDENTITY_OPERATIONS = Object.values(IdentityOperations);

/** NATS subjects of the identity service (without the deployment prefix), read off the operation descriptors. */
export const IdentitySubjects = subjectsOf(IdentityOperations);
export type IdentitySubject = (typeof IdentitySubjects)[keyof typeof IdentitySubjects];

/** What the gateway checks when it verifies an access token against `auth.jwks`. */
export const ACCESS_TOKEN_ISSUER = 'quartier';
export const ACCESS_TOKEN_ALGORITHM = 'ES256';
