import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsPositive, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { IsInt32, NestedObject, Nullable, Optional, PageQueryDto, PATCH_FIELDS } from '@quartier/contracts-shared';
import { IdDto, MoneyDto, PageMetaResponse } from './common.dto';
import { MIN_UNIT_FLOOR, UNIT_STATUSES, UNIT_TYPES, type UnitStatus, type UnitType } from './portfolio.enums';
import { IsMultipleOf } from './portfolio.validators';

export class CreateUnitDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  buildingId!: string;

  @ApiProperty({ description: 'Number or label, unique within the building', example: 'WE 3.2' })
  @IsString()
  @Length(1, 50)
  number!: string;

  @ApiProperty({ type: 'integer', description: `From ${MIN_UNIT_FLOOR} (basements) to the building's floors`, example: 3 })
  @IsInt()
  @Min(MIN_UNIT_FLOOR)
  @Max(200)
  floor!: number;

  @ApiProperty({ enum: UNIT_TYPES })
  @IsIn(UNIT_TYPES)
  type!: UnitType;

  @ApiProperty({ description: 'Area in m²', exclusiveMinimum: true, minimum: 0, example: 72.5 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(1_000_000)
  area!: number;

  @ApiPropertyOptional({ description: 'Half rooms allowed', example: 2.5, exclusiveMinimum: true, minimum: 0 })
  @Nullable()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  @IsMultipleOf(0.5)
  @Max(1000)
  rooms?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, example: 2 })
  @Nullable()
  @IsInt()
  @Min(0)
  @Max(100)
  bedrooms?: number;

  @ApiPropertyOptional({ minimum: 0, example: 1 })
  @Nullable()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @IsMultipleOf(0.5)
  @Max(100)
  bathrooms?: number;

  @ApiPropertyOptional({ type: MoneyDto, description: 'Target monthly cold rent' })
  @Nullable()
  @NestedObject(() => MoneyDto)
  targetRent?: MoneyDto;

  @ApiPropertyOptional({ enum: UNIT_STATUSES, default: 'vacant' })
  @Optional()
  @IsIn(UNIT_STATUSES)
  status?: UnitStatus;

  @ApiPropertyOptional({ type: [String], example: ['balcony', 'fitted_kitchen'] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  features?: string[];
}

/** Only the given fields change; a status change here is recorded in the history like change-status. */
export class UpdateUnitDto extends PartialType(OmitType(CreateUnitDto, ['buildingId'] as const), PATCH_FIELDS) {}

export class UpdateUnitMessageDto extends UpdateUnitDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

/** The PUT body: the create shape without the building, which a replace cannot move. */
export class ReplaceUnitDto extends OmitType(CreateUnitDto, ['buildingId'] as const) {}

/** The payload of `portfolio.v1.units.replace`. */
export class ReplaceUnitMessageDto extends ReplaceUnitDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class ChangeUnitStatusDto {
  @ApiProperty({ enum: UNIT_STATUSES })
  @IsIn(UNIT_STATUSES)
  status!: UnitStatus;

  @ApiPropertyOptional({ maxLength: 500, example: 'Water damage in the bathroom' })
  @Nullable()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class ChangeUnitStatusMessageDto extends ChangeUnitStatusDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export const UNIT_SORT_FIELDS = ['number', 'floor', 'type', 'status', 'area', 'rooms', 'targetRent', 'createdAt', 'updatedAt'] as const;

export class UnitQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @Nullable()
  @IsUUID()
  propertyId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Nullable()
  @IsUUID()
  buildingId?: string;

  @ApiPropertyOptional({ enum: UNIT_STATUSES })
  @Optional()
  @IsIn(UNIT_STATUSES)
  status?: UnitStatus;

  @ApiPropertyOptional({ enum: UNIT_TYPES })
  @Optional()
  @IsIn(UNIT_TYPES)
  type?: UnitType;

  @ApiPropertyOptional({ type: 'integer', description: 'Minimum target rent in cents' })
  @Optional()
  @Type(() => Number)
  @IsInt32({ min: 0 })
  minRent?: number;

  @ApiPropertyOptional({ type: 'integer', description: 'Maximum target rent in cents' })
  @Optional()
  @Type(() => Number)
  @IsInt32({ min: 0 })
  maxRent?: number;

  @ApiPropertyOptional({ description: 'Minimum area in m²' })
  @Optional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  minArea?: number;

  @ApiPropertyOptional({ description: 'Maximum area in m²' })
  @Optional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  maxArea?: number;

  @ApiPropertyOptional({ description: 'Exact number of rooms' })
  @Nullable()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  rooms?: number;

  @ApiPropertyOptional({ description: 'At least this many rooms' })
  @Optional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  minRooms?: number;
}

/** `GET /units/available`: the unit filters without status (always vacant). */
export class AvailableUnitQueryDto extends OmitType(UnitQueryDto, ['status'] as const) {}

/** The payload of `portfolio.v1.units.history`. */
export class UnitHistoryMessageDto extends IntersectionType(IdDto, OmitType(PageQueryDto, ['sort'] as const)) {}

/** `?page=&size=` of the unit history (newest first, no sort). */
export class UnitHistoryQueryDto extends OmitType(UnitHistoryMessageDto, ['id'] as const) {}

export class UnitResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) propertyId!: string;
  @ApiProperty({ format: 'uuid' }) buildingId!: string;
  @ApiProperty() number!: string;
  @ApiProperty() floor!: number;
  @ApiProperty({ enum: UNIT_TYPES }) type!: UnitType;
  @ApiProperty() area!: number;
  @ApiProperty({ nullable: true, type: Number }) rooms!: number | null;
  @ApiProperty({ nullable: true, type: Number }) bedrooms!: number | null;
  @ApiProperty({ nullable: true, type: Number }) bathrooms!: number | null;
  @ApiProperty({ type: MoneyDto, nullable: true }) targetRent!: MoneyDto | null;
  @ApiProperty({ enum: UNIT_STATUSES }) status!: UnitStatus;
  @ApiProperty({ type: [String] }) features!: string[];
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The lease occupying the unit, set by lease events' })
  currentLeaseId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class UnitPageResponse extends PageMetaResponse {
  @ApiProperty({ type: [UnitResponse] })
  items!: UnitResponse[];
}

export const UNIT_STATUS_SOURCES = ['manual', 'lease_event', 'created'] as const;
export type UnitStatusSource = (typeof UNIT_STATUS_SOURCES)[number];

export class UnitStatusHistoryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty({ enum: UNIT_STATUSES, nullable: true, description: 'null for the initial status' }) fromStatus!: UnitStatus | null;
  @ApiProperty({ enum: UNIT_STATUSES }) toStatus!: UnitStatus;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ enum: UNIT_STATUS_SOURCES, description: 'manual change, lease event, or the initial status at creation' })
  source!: UnitStatusSource;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The lease event id when source is lease_event' })
  eventId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'Who changed it, when manual' })
  changedBy!: string | null;
  @ApiProperty({ format: 'date-time' }) changedAt!: string;
}

export class UnitStatusHistoryPageResponse extends PageMetaResponse {
  @ApiProperty({ type: [UnitStatusHistoryResponse] })
  items!: UnitStatusHistoryResponse[];
}
