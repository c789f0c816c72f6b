import { ProfileDto, UserDto } from '@quartier/contracts-identity';
import { UserEntity } from './user.entity';

export function toUserDto(user: UserEntity): UserDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    phone: user.phone,
    locale: user.locale,
    hasAvatar: user.avatarContentType !== null,
    createdAt: user.createdAt.toISOString(),
  };
}

export function toProfileDto(user: UserEntity): ProfileDto {
  return { ...toUserDto(user), preferences: user.preferences, notificationSettings: user.notificationSettings };
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
