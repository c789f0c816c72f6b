import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsIsoDate, IsMoneyCents, Nullable, Optional, PageQueryDto, PATCH_FIELDS } from '@quartier/contracts-shared';
import { CurrencyField, IdRequest } from './common.dto';

export const PAYMENT_METHODS = ['bank_transfer', 'sepa_debit', 'cash', 'card', 'stripe', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_STATUSES = ['pending', 'completed', 'failed', 'refunded', 'partially_refunded'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export const PAYMENT_SORT_FIELDS = ['paidOn', 'amountCents', 'createdAt', 'status'] as const;

export class RecordPaymentDto extends CurrencyField {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  tenantId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Allocate only to charges of this lease' })
  @Nullable()
  @IsUUID()
  leaseId?: string;

  @ApiProperty({ description: 'Amount in cents', example: 90000, minimum: 1 })
  @IsMoneyCents({ min: 1 })
  amountCents!: number;

  @ApiProperty({ enum: PAYMENT_METHODS, example: 'bank_transfer', description: '`stripe` records a pending payment to collect with POST /payments/{id}/intent' })
  @IsIn(PAYMENT_METHODS)
  method!: PaymentMethod;

  @ApiProperty({ example: '2026-03-03' })
  @IsIsoDate()
  paidOn!: string;

  @ApiPropertyOptional({ description: 'Bank reference or receipt number' })
  @Nullable()
  @IsString()
  @MaxLength(200)
  reference?: string;

  @ApiPropertyOptional()
  @Nullable()
  @IsString()
  @MaxLength(2000)
  notes?: string;
}

/** Amount and allocation are fixed once recorded; refund or delete instead. */
export class UpdatePaymentDto extends PartialType(PickType(RecordPaymentDto, ['method', 'paidOn', 'reference', 'notes'] as const), PATCH_FIELDS) {}

export class RefundPaymentDto {
  @ApiPropertyOptional({ description: 'Cents to refund; the whole remaining amount when omitted', minimum: 1 })
  @Optional()
  @IsMoneyCents({ min: 1 })
  amountCents?: number;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class PaymentQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  tenantId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  leaseId?: string;

  @ApiPropertyOptional({ enum: PAYMENT_STATUSES })
  @Optional()
  @IsIn(PAYMENT_STATUSES)
  status?: PaymentStatus;

  @ApiPropertyOptional({ enum: PAYMENT_METHODS })
  @Optional()
  @IsIn(PAYMENT_METHODS)
  method?: PaymentMethod;

  @ApiPropertyOptional({ description: 'Paid on or after (ISO date)' })
  @Optional()
  @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Paid on or before (ISO date)' })
  @Optional()
  @IsIsoDate()
  to?: string;
}

export class PaymentSummaryQueryDto {
  @ApiProperty({ example: '2026-01-01' })
  @IsIsoDate()
  from!: string;

  @ApiProperty({ example: '2026-12-31' })
  @IsIsoDate()
  to!: string;
}

export class RecordPaymentRequest extends RecordPaymentDto {}

/** The body and the path's id: a subclass, so the gateway reads the body as the base class (its schema name). */
export class UpdatePaymentRequest extends UpdatePaymentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

/** The body and the path's id, as UpdatePaymentRequest. */
export class RefundPaymentRequest extends RefundPaymentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class PaymentIntentRequest extends IdRequest {}
export class DeletePaymentRequest extends IdRequest {}

