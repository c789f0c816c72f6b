import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AvatarDto,
  AvatarInfoDto,
  ChangePasswordDto,
  NotificationSettingsDto,
  OkDto,
  PreferencesDto,
  ProfileDto,
  SetAvatarDto,
  UpdateProfileDto,
} from '@quartier/contracts-identity';
import { notFound } from '@quartier/messaging';
import { PasswordHasher } from '../auth/password-hasher';
import { TokenService } from '../auth/token.service';
import { checkAvatar } from './avatar-image';
import { avatarRefused, wrongCurrentPassword } from './profile.errors';
import { UserEntity } from './user.entity';
import { toProfileDto } from './user.mapper';
import { findUserById } from './user-store';

/** The signed-in user's own account. Users are global, so these are keyed by the caller's user id. */
@Injectable()
export class ProfileService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordHasher,
    private readonly tokens: TokenService,
  ) {}

  async get(userId: string): Promise<ProfileDto> {
    return toProfileDto(await this.user(userId));
  }

  async update(userId: string, changes: UpdateProfileDto): Promise<ProfileDto> {
    const user = await this.user(userId);
    Object.assign(user, definedOnly(changes));
    return toProfileDto(await this.dataSource.getRepository(UserEntity).save(user));
  }

  async updatePreferences(userId: string, changes: PreferencesDto): Promise<ProfileDto> {
    const user = await this.user(userId);
    user.preferences = { ...user.preferences, ...definedOnly(changes) };
    return toProfileDto(await this.dataSource.getRepository(UserEntity).save(user));
  }

  async updateNotifications(userId: string, changes: NotificationSettingsDto): Promise<ProfileDto> {
    const user = await this.user(userId);
    user.notificationSettings = { ...user.notificationSettings, ...definedOnly(changes) };
    return toProfileDto(await this.dataSource.getRepository(UserEntity).save(user));
  }

  /** Needs the current password; signs the user out everywhere else by revoking every refresh token. */
  async changePassword(userId: string, request: ChangePasswordDto): Promise<OkDto> {
    const user = await findUserById(this.dataSource.manager, userId, { withPassword: true });
    if (!user) throw notFound('User', userId);
    if (!(await this.passwords.verify(user.passwordHash, request.currentPassword))) throw wrongCurrentPassword();
    const passwordHash = await this.passwords.hash(request.newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(UserEntity, userId, { passwordHash });
      await this.tokens.revokeAllOfUser(manager, userId);
    });
    return { ok: true };
  }

  async setAvatar(userId: string, request: SetAvatarDto): Promise<AvatarInfoDto> {
    const checked = checkAvatar(request.contentType, request.data);
    if (!checked.ok) throw avatarRefused(checked.problem);
    await this.user(userId);
    await this.dataSource.getRepository(UserEntity).update(userId, { avatar: checked.bytes, avatarContentType: checked.contentType });
    return { contentType: checked.contentType, size: checked.bytes.length };
  }

  async getAvatar(userId: string): Promise<AvatarDto> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.avatar')
      .where('u.id = :userId', { userId })
      .getOne();
    if (!user?.avatar || !user.avatarContentType) throw notFound('Avatar');
    return { contentType: user.avatarContentType as AvatarDto['contentType'], data: user.avatar.toString('base64'), size: user.avatar.length };
  }

  private async user(userId: string): Promise<UserEntity> {
    const user = await findUserById(this.dataSource.manager, userId);
    if (!user) throw notFound('User', userId);
    return user;
  }
}

/** PATCH semantics: absent fields keep their value. */
function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}
