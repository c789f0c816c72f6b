import { CommonErrorCode, EmptyRequest, defineOperation } from '@quartier/contracts-shared';
import { OkDto } from './auth.dto';
import { IdentityErrorCode } from './identity.errors';
import {
  AvatarDto,
  AvatarInfoDto,
  ChangePasswordDto,
  NotificationSettingsDto,
  PreferencesDto,
  ProfileDto,
  SetAvatarDto,
  UpdateProfileDto,
} from './profile.dto';

const service = 'identity';
const tags = ['me'] as const;
/** Every role may change its own settings, so reading scope suffices. */
const own = { scopes: ['read'] } as const;

/** The signed-in user's own profile, settings, password and avatar (/me). */
export const ProfileOperations = {
  get: defineOperation({
    service,
    subject: 'identity.v1.profile.get',
    request: EmptyRequest,
    response: ProfileDto,
    http: { method: 'GET', path: '/me/profile', status: 200, tags, summary: 'Own profile with preferences and notification settings' },
    access: own,
    paged: false,
    idempotency: 'safe',
    errors: {},
  }),
  update: defineOperation({
    service,
    subject: 'identity.v1.profile.update',
    request: UpdateProfileDto,
    response: ProfileDto,
    http: { method: 'PATCH', path: '/me/profile', status: 200, tags, summary: 'Update own name, phone, locale' },
    access: own,
    paged: false,
    idempotency: 'idempotent',
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  updatePreferences: defineOperation({
    service,
    subject: 'identity.v1.preferences.update',
    request: PreferencesDto,
    response: ProfileDto,
    http: { method: 'PATCH', path: '/me/preferences', status: 200, tags, summary: 'Update own preferences (theme, language, time zone, …)' },
    access: own,
    paged: false,
    idempotency: 'idempotent',
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  updateNotifications: defineOperation({
    service,
    subject: 'identity.v1.notifications.update',
    request: NotificationSettingsDto,
    response: ProfileDto,
    http: { method: 'PATCH', path: '/me/notifications', status: 200, tags, summary: 'Update own notification settings' },
    access: own,
    paged: false,
    idempotency: 'idempotent',
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  changePassword: defineOperation({
    service,
    subject: 'identity.v1.password.change',
    request: ChangePasswordDto,
    response: OkDto,
    http: {
      method: 'POST',
      path: '/me/change-password',
      status: 200,
      tags,
      summary: 'Change own password (current password required; signs out every other session)',
    },
    access: own,
    paged: false,
    // A repeat no longer knows the current password (422).
    idempotency: 'none',
    // A wrong current password is a 422 naming currentPassword.
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  /** POST /me/avatar takes a multipart upload, so its gateway route is written by hand (no `http`). */
  setAvatar: defineOperation({
    service,
    subject: 'identity.v1.avatar.set',
    request: SetAvatarDto,
    response: AvatarInfoDto,
    access: own,
    paged: false,
    idempotency: 'idempotent',
    errors: {
      [CommonErrorCode.VALIDATION_FAILED]: 422,
      [IdentityErrorCode.UNSUPPORTED_MEDIA_TYPE]: 415,
      [IdentityErrorCode.PAYLOAD_TOO_LARGE]: 413,
    },
  }),
  /** GET /me/avatar answers the image itself, so its gateway route is written by hand (no `http`). */
  getAvatar: defineOperation({
    service,
    subject: 'identity.v1.avatar.get',
    request: EmptyRequest,
    response: AvatarDto,
    access: own,
    paged: false,
    idempotency: 'safe',
    errors: { [CommonErrorCode.NOT_FOUND]: 404 },
  }),
};
