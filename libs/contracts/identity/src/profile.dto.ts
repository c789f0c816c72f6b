import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-rules';
import { Nullable, Optional } from '@quartier/contracts-shared';

export const THEMES = ['light', 'dark', 'system'] as const;
export const DIGESTS = ['off', 'daily', 'weekly'] as const;
export const AVATAR_CONTENT_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
export type AvatarContentType = (typeof AVATAR_CONTENT_TYPES)[number];
export const AVATAR_MAX_BYTES = 512 * 1024;

const LOCALE = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;

export class PreferencesDto {
  @ApiPropertyOptional({ enum: THEMES })
  @Optional()
  @IsIn(THEMES)
  theme?: (typeof THEMES)[number];

  @ApiPropertyOptional({ example: 'de-DE' })
  @Optional()
  @Matches(LOCALE, { message: 'language must be a BCP 47 language tag' })
  @MaxLength(35)
  language?: string;

  @ApiPropertyOptional({ example: 'Europe/Berlin' })
  @Optional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;

  @ApiPropertyOptional({ example: 'dd.MM.yyyy' })
  @Optional()
  @IsString()
  @MaxLength(32)
  dateFormat?: string;

  @ApiPropertyOptional({ description: 'Collapse the navigation sidebar' })
  @Optional()
  @IsBoolean()
  compactSidebar?: boolean;
}

export class NotificationSettingsDto {
  @ApiPropertyOptional() @Optional() @IsBoolean() email?: boolean;
  @ApiPropertyOptional() @Optional() @IsBoolean() push?: boolean;
  @ApiPropertyOptional() @Optional() @IsBoolean() sms?: boolean;
  @ApiPropertyOptional({ enum: DIGESTS }) @Optional() @IsIn(DIGESTS) digest?: (typeof DIGESTS)[number];
  @ApiPropertyOptional() @Optional() @IsBoolean() leaseExpiring?: boolean;
  @ApiPropertyOptional() @Optional() @IsBoolean() paymentOverdue?: boolean;
  @ApiPropertyOptional() @Optional() @IsBoolean() workOrderUpdates?: boolean;
  @ApiPropertyOptional() @Optional() @IsBoolean() deviceAlerts?: boolean;
  @ApiPropertyOptional() @Optional() @IsBoolean() newLeads?: boolean;
}

/** The public view of a user. */
export class UserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ example: 'de-DE' }) locale!: string;
  @ApiProperty({ description: 'Whether an avatar is set (fetch it with the avatar route)' }) hasAvatar!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ProfileDto extends UserDto {
  @ApiProperty({ type: () => PreferencesDto }) preferences!: PreferencesDto;
  @ApiProperty({ type: () => NotificationSettingsDto }) notificationSettings!: NotificationSettingsDto;
}

export class UpdateProfileDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @Optional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: '+49 30 1234567', nullable: true, type: String })
  @Nullable()
  @Matches(/^\+?[0-9 ()/-]{3,30}$/, { message: 'phone must be a phone number' })
  phone?: string;

  @ApiPropertyOptional({ example: 'de-DE' })
  @Optional()
  @Matches(LOCALE, { message: 'locale must be a BCP 47 language tag' })
  @MaxLength(35)
  locale?: string;
}

export class ChangePasswordDto {
  @ApiProperty({ format: 'password' })
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword!: string;

  @ApiProperty({ format: 'password', minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword!: string;
}

export class SetAvatarDto {
  @ApiProperty({ enum: AVATAR_CONTENT_TYPES, description: 'Other types are answered with 415' })
  @IsString()
  @MaxLength(100)
  contentType!: string;

  @ApiProperty({ description: `Base64 image bytes, at most ${AVATAR_MAX_BYTES} bytes decoded (413 otherwise)`, format: 'byte' })
  @IsString()
  @MinLength(1)
  data!: string;
}

export class AvatarInfoDto {
  @ApiProperty({ enum: AVATAR_CONTENT_TYPES }) contentType!: AvatarContentType;
  @ApiProperty({ description: 'Size in bytes' }) size!: number;
}

export class AvatarDto extends AvatarInfoDto {
  @ApiProperty({ format: 'byte', description: 'Base64 image bytes' }) data!: string;
}
