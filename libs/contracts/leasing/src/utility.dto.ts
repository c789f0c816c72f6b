import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsInt, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { IsDecimal, IsIsoDate, IsMoneyCents, Nullable, Optional, PageQueryDto, PATCH_FIELDS } from '@quartier/contracts-shared';
import { CurrencyField, IdPageRequest } from './common.dto';

export const UTILITY_TYPES = ['electricity', 'water', 'gas', 'heating', 'waste', 'internet'] as const;
export type UtilityType = (typeof UTILITY_TYPES)[number];
export const UTILITY_BILL_STATUSES = ['open', 'paid'] as const;
export type UtilityBillStatus = (typeof UTILITY_BILL_STATUSES)[number];
export const UTILITY_BILL_SORT_FIELDS = ['periodStart', 'dueDate', 'amountCents', 'type', 'status', 'createdAt'] as const;

export class CreateUtilityBillDto extends CurrencyField {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  propertyId!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Nullable()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Nullable()
  @IsUUID()
  providerId?: string;

  @ApiProperty({ enum: UTILITY_TYPES })
  @IsIn(UTILITY_TYPES)
  type!: UtilityType;

  @ApiProperty({ example: '2026-01-01' })
  @IsIsoDate()
  periodStart!: string;

  @ApiProperty({ example: '2026-01-31' })
  @IsIsoDate()
  periodEnd!: string;

  @ApiPropertyOptional({ description: 'Metered consumption in the unit below', example: 412.5 })
  @Nullable()
  @IsDecimal(3)
  @Min(0)
  consumption?: number;

  @ApiPropertyOptional({ example: 'kWh' })
  @Nullable()
  @IsString()
  @MaxLength(20)
  consumptionUnit?: string;

  @ApiProperty({ description: 'Amount in cents', example: 12_345 })
  @IsMoneyCents()
  amountCents!: number;

  @ApiProperty({ example: '2026-02-15' })
  @IsIsoDate()
  dueDate!: string;

  @ApiPropertyOptional()
  @Nullable()
  @IsString()
  @MaxLength(2000)
  notes?: string;
}

export class UpdateUtilityBillDto extends PartialType(CreateUtilityBillDto, PATCH_FIELDS) {}

export class UtilityBillQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @Nullable()
  @IsUUID()
  propertyId?: string;

  @ApiPropertyOptional({ enum: UTILITY_TYPES })
  @Optional()
  @IsIn(UTILITY_TYPES)
  type?: UtilityType;

  @ApiPropertyOptional({ enum: UTILITY_BILL_STATUSES })
  @Optional()
  @IsIn(UTILITY_BILL_STATUSES)
  status?: UtilityBillStatus;
}

export class PayUtilityBillDto {
  @ApiPropertyOptional({ description: 'Default: today' })
  @Nullable()
  @IsIsoDate()
  paidOn?: string;
}

export class UsageAnalyticsQueryDto {
  @ApiPropertyOptional({ description: 'First month (ISO date); default: twelve months ago' })
  @Optional()
  @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Last day (ISO date); default: today' })
  @Optional()
  @IsIsoDate()
  to?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Nullable()
  @IsUUID()
  propertyId?: string;

  @ApiPropertyOptional({ enum: UTILITY_TYPES })
  @Optional()
  @IsIn(UTILITY_TYPES)
  type?: UtilityType;
}

export class CostForecastQueryDto {
  @ApiPropertyOptional({ default: 3, minimum: 1, maximum: 24 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24)
  months?: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @Nullable()
  @IsUUID()
  propertyId?: string;

  @ApiPropertyOptional({ enum: UTILITY_TYPES })
  @Optional()
  @IsIn(UTILITY_TYPES)
  type?: UtilityType;
}

export class CreateUtilityProviderDto {
  @ApiProperty({ example: 'Stadtwerke Musterstadt' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: UTILITY_TYPES, isArray: true })
  @IsArray()
  @ArrayMaxSize(UTILITY_TYPES.length)
  @IsIn(UTILITY_TYPES, { each: true })
  types!: UtilityType[];

  @ApiPropertyOptional()
  @Nullable()
  @IsString()
  @MaxLength(100)
  customerNumber?: string;

  @ApiPropertyOptional()
  @Nullable()
  @IsEmail()
  email?: string;

  @ApiPropertyOptional()
  @Nullable()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiPropertyOptional()
  @Nullable()
  @IsString()
  @MaxLength(300)
  website?: string;
}

export class UpdateUtilityProviderDto extends PartialType(CreateUtilityProviderDto, PATCH_FIELDS) {}

/** The body and the path's id: a subclass, so the gateway reads the body as the base class (its schema name). */
export class UpdateUtilityBillRequest extends UpdateUtilityBillDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}
export class PayUtilityBillRequest extends PayUtilityBillDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}
export class UpdateUtilityProviderRequest extends UpdateUtilityProviderDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}
export class PropertyBillsRequest extends IdPageRequest {}

