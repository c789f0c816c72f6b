import { RpcException } from '@nestjs/microservices';
import { AVATAR_CONTENT_TYPES, AVATAR_MAX_BYTES, IdentityErrorCode } from '@quartier/contracts-identity';
import { rpcError, validationFailed } from '@quartier/messaging';
import { AvatarCheck } from './avatar-image';

export function avatarRefused(problem: Exclude<AvatarCheck, { ok: true }>['problem']): RpcException {
  switch (problem) {
    case 'unsupported-type':
      return rpcError(415, IdentityErrorCode.UNSUPPORTED_MEDIA_TYPE, `Avatars must be one of ${AVATAR_CONTENT_TYPES.join(', ')}`, {
        accepted: [...AVATAR_CONTENT_TYPES],
      });
    case 'content-mismatch':
      return rpcError(415, IdentityErrorCode.UNSUPPORTED_MEDIA_TYPE, 'The image content does not match its declared type');
    case 'too-large':
      return rpcError(413, IdentityErrorCode.PAYLOAD_TOO_LARGE, `Avatars may be at most ${AVATAR_MAX_BYTES} bytes`, { maxBytes: AVATAR_MAX_BYTES });
    case 'not-base64':
      return validationFailed([{ field: 'data', message: 'data must be base64 encoded' }]);
  }
}

export const wrongCurrentPassword = (): RpcException =>
  validationFailed([{ field: 'currentPassword', message: 'currentPassword is not correct' }], 'The current password is not correct');
