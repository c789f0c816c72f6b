import { ApiProperty, OmitType } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { Role } from '@quartier/contracts-shared';
import { FEED_CHANNELS, FeedQueryDto, type FeedChannel } from '@quartier/contracts-publishing';

/** Listings, channels and jobs are staff tools: residents get 403. */
export const PUBLISHING_ROLES: Role[] = ['owner', 'admin', 'manager', 'agent', 'viewer'];

export class FeedChannelParam {
  @ApiProperty({ enum: FEED_CHANNELS })
  @IsIn(FEED_CHANNELS)
  channel!: FeedChannel;
}

/** `?mode=full|delta` of the feed download; the channel comes from the path. */
export class FeedModeQueryDto extends OmitType(FeedQueryDto, ['channel'] as const) {}
