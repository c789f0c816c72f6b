import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsNumber, IsUUID, Matches } from 'class-validator';
import { IsIsoDateTime, NestedArray, Nullable, Optional, PageQueryDto } from '@quartier/contracts-shared';
import { METRIC_PATTERN } from './device.dto';

export const READING_BUCKETS = ['minute', 'hour', 'day'] as const;
export type ReadingBucket = (typeof READING_BUCKETS)[number];

export class ReadingQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this device (implied on /devices/{id}/readings)' })
  @Optional()
  @IsUUID()
  deviceId?: string;

  @ApiPropertyOptional({ example: 'temperature' })
  @Nullable()
  @Matches(METRIC_PATTERN)
  metric?: string;

  @ApiPropertyOptional({ description: 'ISO timestamp, inclusive; default 24 hours before `to`' })
  @Optional()
  @IsIsoDateTime()
  from?: string;

  @ApiPropertyOptional({ description: 'ISO timestamp, exclusive; default now' })
  @Optional()
  @IsIsoDateTime()
  to?: string;

  @ApiPropertyOptional({ enum: READING_BUCKETS, description: 'Aggregate into buckets (avg/min/max/count) instead of raw readings' })
  @Optional()
  @IsIn(READING_BUCKETS)
  bucket?: ReadingBucket;
}

export class ReadingInputDto {
  @ApiProperty({ example: 'temperature' })
  @Matches(METRIC_PATTERN, { message: 'metric must be letters, digits and underscores' })
  metric!: string;

  @ApiProperty({ example: 21.5 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value!: number;

  @ApiPropertyOptional({ description: 'When it was measured; default now' })
  @Optional()
  @IsIsoDateTime()
  recordedAt?: string;
}

export class RecordReadingsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  deviceId!: string;

  @ApiProperty({ type: [ReadingInputDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @NestedArray(() => ReadingInputDto)
  readings!: ReadingInputDto[];
}

export class RecordReadingsResponse {
  @ApiProperty() accepted!: number;
}

export class ReadingResponse {
  @ApiProperty({ format: 'uuid' }) deviceId!: string;
  @ApiProperty() metric!: string;
  @ApiProperty() value!: number;
  @ApiProperty() recordedAt!: string;
}

export class ReadingBucketResponse {
  @ApiProperty({ format: 'uuid' }) deviceId!: string;
  @ApiProperty() metric!: string;
  @ApiProperty({ description: 'Start of the bucket (UTC)' }) bucketStart!: string;
  @ApiProperty() avg!: number;
  @ApiProperty() min!: number;
  @ApiProperty() max!: number;
  @ApiProperty() count!: number;
}

export class ReadingAggregateResponse {
  @ApiProperty({ enum: READING_BUCKETS }) bucket!: ReadingBucket;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: [ReadingBucketResponse] }) items!: ReadingBucketResponse[];
}

export class LatestReadingsRequest {
  @IsUUID()
  id!: string;
}

/** The latest reading of every metric, answered as a bare JSON array. */
export class LatestReadingsResponse extends Array<ReadingResponse> {}
