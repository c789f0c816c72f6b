import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsObject } from 'class-validator';
import { CHANNELS, type Channel } from './publishing.enums';
import { Optional } from '@quartier/contracts-shared';

/** Per channel: which settings (shown back) and secrets (stored encrypted, never shown) it needs. */
export const CHANNEL_CREDENTIALS: Record<Channel, { settings: readonly string[]; secrets: readonly string[] }> = {
  immoscout24: { settings: [], secrets: ['consumerKey', 'consumerSecret', 'accessToken', 'accessTokenSecret'] },
  immowelt: { settings: ['ftpUsername', 'providerId', 'companyName'], secrets: ['ftpPassword'] },
  kleinanzeigen: { settings: ['ftpUsername', 'providerId', 'companyName'], secrets: ['ftpPassword'] },
  facebook: { settings: ['pageId'], secrets: ['pageAccessToken'] },
  instagram: { settings: ['igUserId'], secrets: ['accessToken'] },
  linkedin: { settings: ['organizationId'], secrets: ['accessToken'] },
};

export class ChannelNameDto {
  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS)
  channel!: Channel;
}

/**
 * Settings and secrets are merged into what is stored: send only what changes. A secret sent
 * as an empty string is removed. Which keys a channel takes: see CHANNEL_CREDENTIALS.
 */
export class ConfigureChannelDto {
  @ApiPropertyOptional({ default: true })
  @Optional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, example: { pageId: '104729384756' } })
  @Optional()
  @IsObject()
  settings?: Record<string, string>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, example: { pageAccessToken: 'EAAB…' }, description: 'Write-only' })
  @Optional()
  @IsObject()
  secrets?: Record<string, string>;
}

export class ConfigureChannelMessageDto extends IntersectionType(ChannelNameDto, ConfigureChannelDto) {}

/** What the service answers when a channel's configuration is forgotten (the HTTP route answers 204 without a body). */
export class ChannelDeletedView {
  @ApiProperty({ enum: [true] }) deleted!: true;
}

export class ChannelView {
  @ApiProperty({ enum: CHANNELS }) channel!: Channel;
  @ApiProperty({ description: 'All settings and secrets the channel needs are set' }) configured!: boolean;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) settings!: Record<string, string>;
  @ApiProperty({ type: [String], description: 'Names of the secrets that are set (their values are never returned)', example: ['pageAccessToken'] })
  secretsSet!: string[];
  @ApiProperty({ type: [String], description: 'Settings and secrets still missing' }) missing!: string[];
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) updatedAt!: string | null;
}

export class ChannelListView {
  @ApiProperty({ type: [ChannelView] }) items!: ChannelView[];
}
