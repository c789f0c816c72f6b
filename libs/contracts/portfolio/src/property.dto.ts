import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsDefined, IsIn, IsISO31661Alpha2, IsInt, IsLatitude, IsLongitude, IsNumber, IsObject, IsPositive, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { IsInt32, IsIsoDate, NestedObject, Nullable, Optional, PageQueryDto, PATCH_FIELDS } from '@quartier/contracts-shared';
import { MoneyDto, PageMetaResponse } from './common.dto';
import {
  ENERGY_CERTIFICATE_TYPES,
  ENERGY_CLASSES,
  ENERGY_SOURCES,
  type EnergyCertificateType,
  type EnergyClass,
  type EnergySource,
  PROPERTY_CONDITIONS,
  PROPERTY_STATUSES,
  PROPERTY_TYPES,
  type PropertyCondition,
  type PropertyStatus,
  type PropertyType,
} from './portfolio.enums';
import { IsMultipleOf, IsNotAfterYearsFromNow, IsPostalCodeFor } from './portfolio.validators';

const MAX_AREA = 10_000_000;

export class AddressDto {
  @ApiProperty({ example: 'Invalidenstraße' })
  @IsString()
  @Length(1, 200)
  street!: string;

  @ApiPropertyOptional({ example: '117a' })
  @Nullable()
  @IsString()
  @Length(1, 20)
  houseNumber?: string;

  @ApiProperty({ description: 'DE: 5 digits; AT, CH: 4 digits; elsewhere 3–10 letters or digits', example: '10115' })
  @IsString()
  @IsPostalCodeFor('country')
  postalCode!: string;

  @ApiProperty({ example: 'Berlin' })
  @IsString()
  @Length(1, 100)
  city!: string;

  @ApiPropertyOptional({ example: 'Berlin' })
  @Nullable()
  @IsString()
  @Length(1, 100)
  state?: string;

  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-2', default: 'DE', example: 'DE' })
  @Optional()
  @IsISO31661Alpha2()
  country?: string;
}

export class CoordinatesDto {
  @ApiProperty({ minimum: -90, maximum: 90, example: 52.5306 })
  @IsLatitude()
  lat!: number;

  @ApiProperty({ minimum: -180, maximum: 180, example: 13.3847 })
  @IsLongitude()
  lng!: number;
}

export class EnergyCertificateDto {
  @ApiProperty({ enum: ENERGY_CERTIFICATE_TYPES, description: 'Verbrauchsausweis (consumption) or Bedarfsausweis (demand)' })
  @IsIn(ENERGY_CERTIFICATE_TYPES)
  type!: EnergyCertificateType;

  @ApiPropertyOptional({ description: 'Final energy in kWh/(m²·a)', example: 92.4, minimum: 0 })
  @Optional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(2000)
  value?: number;

  @ApiPropertyOptional({ enum: ENERGY_CLASSES, example: 'C' })
  @Optional()
  @IsIn(ENERGY_CLASSES)
  energyClass?: EnergyClass;

  @ApiPropertyOptional({ description: 'ISO date', example: '2032-05-31' })
  @Optional()
  @IsIsoDate()
  validUntil?: string;

  @ApiPropertyOptional({ enum: ENERGY_SOURCES, example: 'gas' })
  @Optional()
  @IsIn(ENERGY_SOURCES)
  primaryEnergySource?: EnergySource;
}

export class OwnerDto {
  @ApiProperty({ example: 'Erbengemeinschaft Müller' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ example: 'owner@example.com' })
  @Optional()
  @IsEmail()
  email?: string;

  @ApiPropertyOptional({ example: '+49 30 1234567' })
  @Optional()
  @IsString()
  @Length(3, 40)
  phone?: string;
}

export class CreatePropertyDto {
  @ApiProperty({ example: 'Invalidenstraße 117' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: PROPERTY_TYPES })
  @IsIn(PROPERTY_TYPES)
  type!: PropertyType;

  @ApiPropertyOptional({ enum: PROPERTY_STATUSES, default: 'active' })
  @Optional()
  @IsIn(PROPERTY_STATUSES)
  status?: PropertyStatus;

  @ApiProperty({ type: AddressDto })
  @IsDefined()
  @IsObject()
  @NestedObject(() => AddressDto)
  address!: AddressDto;

  @ApiPropertyOptional({ type: CoordinatesDto })
  @Optional()
  @NestedObject(() => CoordinatesDto)
  coordinates?: CoordinatesDto;

  @ApiPropertyOptional({ description: 'Living area (Wohnfläche) in m²', exclusiveMinimum: true, minimum: 0, example: 780.5 })
  @Nullable()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(MAX_AREA)
  livingArea?: number;

  @ApiPropertyOptional({ description: 'Usable area (Nutzfläche) in m²', exclusiveMinimum: true, minimum: 0 })
  @Nullable()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(MAX_AREA)
  usableArea?: number;

  @ApiPropertyOptional({ description: 'Plot area (Grundstücksfläche) in m²', exclusiveMinimum: true, minimum: 0 })
  @Nullable()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(MAX_AREA)
  plotArea?: number;

  @ApiPropertyOptional({ description: 'Rooms, half rooms allowed', example: 3.5, exclusiveMinimum: true, minimum: 0 })
  @Nullable()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  @IsMultipleOf(0.5)
  @Max(10_000)
  rooms?: number;

  @ApiPropertyOptional({ type: 'integer', description: 'Storeys above ground', minimum: 0, example: 5 })
  @Nullable()
  @IsInt()
  @Min(0)
  @Max(200)
  floors?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1000, description: 'At most five years from now', example: 1905 })
  @Nullable()
  @IsInt32({ min: 1000 })
  @IsNotAfterYearsFromNow(5)
  yearBuilt?: number;

  @ApiPropertyOptional({ enum: PROPERTY_CONDITIONS })
  @Nullable()
  @IsIn(PROPERTY_CONDITIONS)
  condition?: PropertyCondition;

  @ApiPropertyOptional({ type: EnergyCertificateDto })
  @Nullable()
  @NestedObject(() => EnergyCertificateDto)
  energyCertificate?: EnergyCertificateDto;

  @ApiPropertyOptional({ type: [String], example: ['balcony', 'elevator', 'garden'] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  amenities?: string[];

  @ApiPropertyOptional({ type: OwnerDto })
  @Nullable()
  @NestedObject(() => OwnerDto)
  owner?: OwnerDto;

  @ApiPropertyOptional({ type: MoneyDto })
  @Optional()
  @NestedObject(() => MoneyDto)
  purchasePrice?: MoneyDto;

  @ApiPropertyOptional({ description: 'ISO date', example: '2019-03-01' })
  @Nullable()
  @IsIsoDate()
  purchaseDate?: string;

  @ApiPropertyOptional({ type: MoneyDto })
  @Optional()
  @NestedObject(() => MoneyDto)
  currentValue?: MoneyDto;

  @ApiPropertyOptional({ maxLength: 10_000 })
  @Nullable()
  @IsString()
  @MaxLength(10_000)
  description?: string;
}

/** PUT and PATCH both send this: only the given fields change; `null` clears an optional field. */
export class UpdatePropertyDto extends PartialType(CreatePropertyDto, PATCH_FIELDS) {}

/** The payload of `portfolio.v1.properties.update`: the id plus the changed fields. */
export class UpdatePropertyMessageDto extends UpdatePropertyDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

/** The payload of `portfolio.v1.properties.replace` (PUT): the id plus every required field. */
export class ReplacePropertyMessageDto extends CreatePropertyDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export const PROPERTY_SORT_FIELDS = [
  'name',
  'type',
  'status',
  'city',
  'postalCode',
  'livingArea',
  'rooms',
  'yearBuilt',
  'currentValue',
  'createdAt',
  'updatedAt',
] as const;

export class PropertyQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PROPERTY_TYPES })
  @Optional()
  @IsIn(PROPERTY_TYPES)
  type?: PropertyType;

  @ApiPropertyOptional({ enum: PROPERTY_STATUSES })
  @Optional()
  @IsIn(PROPERTY_STATUSES)
  status?: PropertyStatus;

  @ApiPropertyOptional({ description: 'Exact city, case-insensitive' })
  @Optional()
  @IsString()
  @Length(1, 100)
  city?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @Length(1, 20)
  postalCode?: string;

  @ApiPropertyOptional({ description: 'Search in name and street' })
  @Optional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ description: 'Minimum living area in m²' })
  @Optional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  minArea?: number;

  @ApiPropertyOptional({ description: 'Maximum living area in m²' })
  @Optional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  maxArea?: number;
}

export class AddressResponse {
  @ApiProperty() street!: string;
  @ApiProperty({ nullable: true, type: String }) houseNumber!: string | null;
  @ApiProperty() postalCode!: string;
  @ApiProperty() city!: string;
  @ApiProperty({ nullable: true, type: String }) state!: string | null;
  @ApiProperty({ example: 'DE' }) country!: string;
}

export class PropertyResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PROPERTY_TYPES }) type!: PropertyType;
  @ApiProperty({ enum: PROPERTY_STATUSES }) status!: PropertyStatus;
  @ApiProperty({ type: AddressResponse }) address!: AddressResponse;
  @ApiProperty({ type: CoordinatesDto, nullable: true }) coordinates!: CoordinatesDto | null;
  @ApiProperty({ nullable: true, type: Number }) livingArea!: number | null;
  @ApiProperty({ nullable: true, type: Number }) usableArea!: number | null;
  @ApiProperty({ nullable: true, type: Number }) plotArea!: number | null;
  @ApiProperty({ nullable: true, type: Number }) rooms!: number | null;
  @ApiProperty({ nullable: true, type: Number }) floors!: number | null;
  @ApiProperty({ nullable: true, type: Number }) yearBuilt!: number | null;
  @ApiProperty({ enum: PROPERTY_CONDITIONS, nullable: true }) condition!: PropertyCondition | null;
  @ApiProperty({ type: EnergyCertificateDto, nullable: true }) energyCertificate!: EnergyCertificateDto | null;
  @ApiProperty({ type: [String] }) amenities!: string[];
  @ApiProperty({ type: OwnerDto, nullable: true }) owner!: OwnerDto | null;
  @ApiProperty({ type: MoneyDto, nullable: true }) purchasePrice!: MoneyDto | null;
  @ApiProperty({ nullable: true, type: String, example: '2019-03-01' }) purchaseDate!: string | null;
  @ApiProperty({ type: MoneyDto, nullable: true }) currentValue!: MoneyDto | null;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class PropertyPageResponse extends PageMetaResponse {
  @ApiProperty({ type: [PropertyResponse] })
  items!: PropertyResponse[];
}
