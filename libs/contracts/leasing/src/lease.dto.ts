import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { IsIsoDate, IsMoneyCents, NestedArray, Nullable, Optional, PageQueryDto, PATCH_FIELDS } from '@quartier/contracts-shared';
import { CurrencyField } from './common.dto';

export const LEASE_STATUSES = ['pending', 'active', 'terminated', 'expired'] as const;
export type LeaseStatus = (typeof LEASE_STATUSES)[number];
export const RENT_ADJUSTMENTS = ['fixed', 'graduated', 'indexed'] as const;
export type RentAdjustment = (typeof RENT_ADJUSTMENTS)[number];
export const LEASE_SORT_FIELDS = ['startDate', 'endDate', 'status', 'coldRentCents', 'createdAt'] as const;

/** A graduated (Staffelmiete) or index-linked step: the cold rent from a date on. */
export class RentStepDto {
  @ApiProperty({ example: '2027-01-01' })
  @IsIsoDate()
  effectiveFrom!: string;

  @ApiProperty({ description: 'Monthly cold rent in cents from that date', example: 95000 })
  @IsMoneyCents()
  coldRentCents!: number;
}

export class CreateLeaseDto extends CurrencyField {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  unitId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  tenantId!: string;

  @ApiProperty({ example: '2026-01-01' })
  @IsIsoDate()
  startDate!: string;

  @ApiPropertyOptional({ example: '2027-12-31', description: 'Omitted for an open-ended lease' })
  @Nullable()
  @IsIsoDate()
  endDate?: string;

  @ApiProperty({ description: 'Monthly cold rent (Kaltmiete) in cents', example: 90000 })
  @IsMoneyCents()
  coldRentCents!: number;

  @ApiPropertyOptional({ description: 'Monthly service-charge advance (Nebenkosten) in cents', default: 0 })
  @Optional()
  @IsMoneyCents()
  serviceChargeCents?: number;

  @ApiPropertyOptional({ description: 'Monthly heating advance in cents', default: 0 })
  @Optional()
  @IsMoneyCents()
  heatingCents?: number;

  @ApiPropertyOptional({ description: 'Deposit (Kaution) in cents', default: 0 })
  @Optional()
  @IsMoneyCents()
  depositCents?: number;

  @ApiPropertyOptional({ description: 'Day of the month rent is due', default: 3, minimum: 1, maximum: 28 })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(28)
  dueDay?: number;

  @ApiPropertyOptional({ description: 'Late fee per overdue charge in cents', default: 0 })
  @Optional()
  @IsMoneyCents()
  lateFeeCents?: number;

  @ApiPropertyOptional({ description: 'Days after the due date before a late fee is added', default: 5 })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(90)
  graceDays?: number;

  @ApiPropertyOptional({ enum: RENT_ADJUSTMENTS, default: 'fixed' })
  @Optional()
  @IsIn(RENT_ADJUSTMENTS)
  rentAdjustment?: RentAdjustment;

  @ApiPropertyOptional({ type: [RentStepDto] })
  @Optional()
  @ArrayMaxSize(50)
  @NestedArray(() => RentStepDto)
  rentSteps?: RentStepDto[];

  @ApiPropertyOptional()
  @Nullable()
  @IsString()
  @MaxLength(2000)
  notes?: string;
}

export class UpdateLeaseDto extends PartialType(OmitType(CreateLeaseDto, ['unitId', 'tenantId'] as const), PATCH_FIELDS) {}

export class RenewLeaseDto {
  @ApiProperty({ example: '2028-12-31', description: 'End of the new term (it starts the day after the current end)' })
  @IsIsoDate()
  endDate!: string;

  @ApiPropertyOptional({ description: 'Cold rent of the new term in cents; unchanged when omitted' })
  @Optional()
  @IsMoneyCents()
  coldRentCents?: number;
}

export class TerminateLeaseDto {
  @ApiProperty({ example: '2026-06-30', description: 'Effective end; not before the start' })
  @IsIsoDate()
  date!: string;

  @ApiProperty({ example: 'Tenant moves abroad' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class LeaseQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: LEASE_STATUSES })
  @Optional()
  @IsIn(LEASE_STATUSES)
  status?: LeaseStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @Nullable()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  tenantId?: string;
}

export class ExpiringLeasesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ default: 30, minimum: 1, maximum: 730 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(730)
  days?: number;
}

export class AsOfDto {
  @ApiPropertyOptional({ description: 'Run as of this date (default: today in the configured time zone)' })
  @Optional()
  @IsIsoDate()
  asOf?: string;
}

/** The body and the path's id: a subclass, so the gateway reads the body as the base class (its schema name). */
export class UpdateLeaseRequest extends UpdateLeaseDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}
export class RenewLeaseRequest extends RenewLeaseDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}
export class TerminateLeaseRequest extends TerminateLeaseDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export interface RentStep {
  effectiveFrom: string;
  coldRentCents: number;
}

export interface LeaseRenewal {
  previousEndDate: string;
  startDate: string;
  endDate: string;
  coldRentCents: number;
  renewedAt: string;
}

