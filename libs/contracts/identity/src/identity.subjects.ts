/** NATS subjects of the identity service (without the deployment prefix). */
export const IdentitySubjects = {
  authRegister: 'identity.v1.auth.register',
  authLogin: 'identity.v1.auth.login',
  authRefresh: 'identity.v1.auth.refresh',
  authLogout: 'identity.v1.auth.logout',
  authMe: 'identity.v1.auth.me',
  authJwks: 'identity.v1.auth.jwks',
  authProvisionTrusted: 'identity.v1.auth.provision-trusted',
  authPasswordResetRequest: 'identity.v1.auth.password-reset.request',
  authPasswordResetConfirm: 'identity.v1.auth.password-reset.confirm',
  authInvitationAccept: 'identity.v1.auth.invitation.accept',
  profileGet: 'identity.v1.profile.get',
  profileUpdate: 'identity.v1.profile.update',
  preferencesUpdate: 'identity.v1.preferences.update',
  notificationsUpdate: 'identity.v1.notifications.update',
  passwordChange: 'identity.v1.password.change',
  avatarSet: 'identity.v1.avatar.set',
  avatarGet: 'identity.v1.avatar.get',
  organizationGet: 'identity.v1.organization.get',
  organizationUpdate: 'identity.v1.organization.update',
  membersList: 'identity.v1.members.list',
  membersAdd: 'identity.v1.members.add',
  membersChangeRole: 'identity.v1.members.change-role',
  membersRemove: 'identity.v1.members.remove',
  invitationsCreate: 'identity.v1.invitations.create',
  invitationsList: 'identity.v1.invitations.list',
  invitationsRevoke: 'identity.v1.invitations.revoke',
  limitsGet: 'identity.v1.limits.get',
  limitsCheck: 'identity.v1.limits.check',
  auditList: 'identity.v1.audit.list',
} as const;
export type IdentitySubject = (typeof IdentitySubjects)[keyof typeof IdentitySubjects];

/** What the gateway checks when it verifies an access token against `auth.jwks`. */
export const ACCESS_TOKEN_ISSUER = 'quartier';
export const ACCESS_TOKEN_ALGORITHM = 'ES256';
