import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { Optional, PageQueryDto } from '@quartier/contracts-shared';
import { CHANNELS, FEED_CHANNELS, JOB_ACTIONS, JOB_STATUSES, type Channel, type FeedChannel, type JobAction, type JobStatus } from './publishing.enums';

export class JobIdDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export const JOB_SORT_FIELDS = ['createdAt', 'updatedAt', 'status', 'channel'] as const;

export class JobQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: JOB_STATUSES })
  @Optional()
  @IsIn(JOB_STATUSES)
  status?: JobStatus;

  @ApiPropertyOptional({ enum: CHANNELS })
  @Optional()
  @IsIn(CHANNELS)
  channel?: Channel;

  @ApiPropertyOptional({ enum: JOB_ACTIONS })
  @Optional()
  @IsIn(JOB_ACTIONS)
  action?: JobAction;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  listingId?: string;
}

export class JobView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) listingId!: string;
  @ApiProperty({ enum: CHANNELS }) channel!: Channel;
  @ApiProperty({ enum: JOB_ACTIONS }) action!: JobAction;
  @ApiProperty({ enum: JOB_STATUSES }) status!: JobStatus;
  @ApiProperty({ description: 'Attempts made so far' }) attempts!: number;
  @ApiProperty({ description: 'After this many failed attempts the job is failed for good' }) maxAttempts!: number;
  @ApiProperty({ type: String, nullable: true, description: 'The portal’s message of the last failed attempt' }) lastError!: string | null;
  @ApiProperty({ type: String, nullable: true }) externalId!: string | null;
  @ApiProperty({ type: String, nullable: true }) url!: string | null;
  @ApiProperty({ format: 'date-time', description: 'Not before this time (backoff after a failure)' }) runAfter!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) finishedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class JobListView {
  @ApiProperty({ type: [JobView] }) items!: JobView[];
}

export class JobPageView {
  @ApiProperty({ type: [JobView] }) items!: JobView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() size!: number;
  @ApiProperty() pages!: number;
}

export const FEED_MODES = ['full', 'delta'] as const;
export type FeedMode = (typeof FEED_MODES)[number];

export class FeedQueryDto {
  @ApiProperty({ enum: FEED_CHANNELS })
  @IsIn(FEED_CHANNELS)
  channel!: FeedChannel;

  @ApiPropertyOptional({ enum: FEED_MODES, default: 'full', description: 'full: every published listing (aktion add); delta: changes not yet delivered (add/change/delete)' })
  @Optional()
  @IsIn(FEED_MODES)
  mode?: FeedMode;
}

export class FeedView {
  @ApiProperty({ example: 'openimmo-immowelt-full.xml' }) filename!: string;
  @ApiProperty({ description: 'OpenImmo 1.2.7 XML' }) content!: string;
}

export class FeedDeliveryView {
  @ApiProperty({ type: String, nullable: true, description: 'The ZIP uploaded to the portal’s FTP server; null when there was nothing to send', example: 'IW-4711_20261201100000123-a1b2.zip' })
  filename!: string | null;
  @ApiProperty({ description: 'Listings in the uploaded feed' }) listings!: number;
}

export class FeedChannelDto {
  @ApiProperty({ enum: FEED_CHANNELS })
  @IsIn(FEED_CHANNELS)
  channel!: FeedChannel;
}
