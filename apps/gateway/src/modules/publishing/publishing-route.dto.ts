import { ApiProperty, OmitType } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { FEED_CHANNELS, FeedQueryDto, type FeedChannel } from '@quartier/contracts-publishing';

export class FeedChannelParam {
  @ApiProperty({ enum: FEED_CHANNELS })
  @IsIn(FEED_CHANNELS)
  channel!: FeedChannel;
}

/** `?mode=full|delta` of the feed download; the channel comes from the path. */
export class FeedModeQueryDto extends OmitType(FeedQueryDto, ['channel'] as const) {}
