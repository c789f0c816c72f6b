import { AVATAR_CONTENT_TYPES, AvatarContentType } from '@quartier/contracts-identity';
import { CommonErrorCode } from '@quartier/contracts-shared';
import { ProblemException } from '../../platform/problem';

export function isAvatarType(contentType: string): contentType is AvatarContentType {
  return (AVATAR_CONTENT_TYPES as readonly string[]).includes(contentType);
}

export function unsupportedAvatarType(): ProblemException {
  return new ProblemException(
    415,
    CommonErrorCode.UNSUPPORTED_MEDIA_TYPE,
    `The avatar must be one of ${AVATAR_CONTENT_TYPES.join(', ')}, sent as multipart/form-data field "file"`,
  );
}
