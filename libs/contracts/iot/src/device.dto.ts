import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsObject, IsString, IsUUID, Length, Matches } from 'class-validator';
import { NestedObject, Nullable, Optional, PageQueryDto, PATCH_FIELDS, QueryBoolean } from '@quartier/contracts-shared';
import { DeviceTopics } from './mqtt-topics';

export const DEVICE_TYPES = [
  'sensor',
  'meter',
  'lock',
  'thermostat',
  'hub',
  'switch',
  'camera',
  'smoke_detector',
  'leak_sensor',
  'other',
] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

/** Metric names appear in MQTT payloads and Home Assistant ids: keep them simple. */
export const METRIC_PATTERN = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;

export class DeviceCredentialsDto {
  @ApiPropertyOptional({ description: 'Broker username the device connects with' })
  @Optional()
  @IsString()
  @Length(1, 200)
  username?: string;

  @ApiPropertyOptional({ description: 'Secret the device uses; never returned' })
  @Optional()
  @IsString()
  @Length(1, 500)
  secret?: string;
}

export class CreateDeviceDto {
  @ApiProperty({ example: 'Kitchen climate sensor' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: DEVICE_TYPES })
  @IsIn(DEVICE_TYPES)
  type!: DeviceType;

  @ApiPropertyOptional({ format: 'uuid', description: 'Unit the device is installed in' })
  @Nullable()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Building the device belongs to' })
  @Nullable()
  @IsUUID()
  buildingId?: string;

  @ApiPropertyOptional()
  @Nullable()
  @IsString()
  @Length(1, 200)
  manufacturer?: string;

  @ApiPropertyOptional()
  @Nullable()
  @IsString()
  @Length(1, 200)
  model?: string;

  @ApiPropertyOptional()
  @Nullable()
  @IsString()
  @Length(1, 200)
  serialNumber?: string;

  @ApiPropertyOptional({ type: [String], example: ['temperature', 'humidity'], description: 'Metrics the device reports (Home Assistant entities)' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(METRIC_PATTERN, { each: true, message: 'each metric must be letters, digits and underscores' })
  metrics?: string[];

  @ApiPropertyOptional({ type: DeviceCredentialsDto })
  @Nullable()
  @NestedObject(() => DeviceCredentialsDto)
  credentials?: DeviceCredentialsDto;

  @ApiPropertyOptional({ default: true })
  @Optional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @Optional()
  @IsObject()
  metadata?: Record<string, unknown>;
}

export class UpdateDeviceDto extends PartialType(CreateDeviceDto, PATCH_FIELDS) {}

/** `{ id }`: the payload of every get/delete subject. */
export class IotIdRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

/** PUT: every field of a new device, applied to device `id`. */
export class ReplaceDeviceRequest extends CreateDeviceDto {
  @IsUUID()
  id!: string;
}

/** PATCH: the fields to change on device `id`. */
export class UpdateDeviceRequest extends UpdateDeviceDto {
  @IsUUID()
  id!: string;
}

export class UnitDevicesRequest {
  @IsUUID()
  unitId!: string;
}

/** The devices of a unit, answered as a bare JSON array. */
export class UnitDevicesResponse extends Array<DeviceResponse> {}

export class DeviceListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DEVICE_TYPES })
  @Optional()
  @IsIn(DEVICE_TYPES)
  type?: DeviceType;

  @ApiPropertyOptional({ format: 'uuid' })
  @Nullable()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Nullable()
  @IsUUID()
  buildingId?: string;

  @ApiPropertyOptional()
  @Optional()
  @QueryBoolean()
  active?: boolean;

  @ApiPropertyOptional()
  @Optional()
  @QueryBoolean()
  online?: boolean;

  @ApiPropertyOptional({ description: 'Matches name, manufacturer, model or serial number' })
  @Optional()
  @IsString()
  @Length(1, 200)
  q?: string;
}

export class DeviceResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: DEVICE_TYPES }) type!: DeviceType;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) unitId!: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) buildingId!: string | null;
  @ApiPropertyOptional({ nullable: true }) manufacturer!: string | null;
  @ApiPropertyOptional({ nullable: true }) model!: string | null;
  @ApiPropertyOptional({ nullable: true }) serialNumber!: string | null;
  @ApiProperty({ type: [String] }) metrics!: string[];
  @ApiProperty() active!: boolean;
  @ApiProperty({ description: 'A message arrived within the offline timeout' }) online!: boolean;
  @ApiPropertyOptional({ nullable: true }) lastSeenAt!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Last reported state' }) state!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true }) metadata!: Record<string, unknown>;
  @ApiProperty({ description: 'Credentials are stored; they are never returned' }) hasCredentials!: boolean;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) topics!: DeviceTopics;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

/** What a delete answers over the bus (the gateway's 204 has no body). */
export class IotDeletedResponse {
  @ApiProperty({ enum: [true] }) deleted!: true;
}
