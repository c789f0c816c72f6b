import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { IsIsoDate, IsMoneyCents, NestedArray, Nullable, Optional, PageQueryDto } from '@quartier/contracts-shared';
import { CurrencyField } from './common.dto';
import { PAYMENT_METHODS, PaymentMethod } from './payment.dto';

export const INVOICE_STATUSES = ['open', 'sent', 'paid', 'void'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
export const INVOICE_SORT_FIELDS = ['number', 'issueDate', 'dueDate', 'totalCents', 'status', 'createdAt'] as const;

export class InvoiceLineDto {
  @ApiProperty({ example: 'Cleaning of the staircase' })
  @IsString()
  @Length(1, 300)
  description!: string;

  @ApiProperty({ description: 'Amount in cents', example: 4500 })
  @IsMoneyCents()
  amountCents!: number;
}

export class CreateInvoiceDto extends CurrencyField {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  tenantId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Invoice every charge of this lease not invoiced yet (when neither chargeIds nor lines are given)' })
  @Nullable()
  @IsUUID()
  leaseId?: string;

  @ApiPropertyOptional({ type: [String], description: 'Charges of the tenant to invoice' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  chargeIds?: string[];

  @ApiPropertyOptional({ type: [InvoiceLineDto], description: 'Free lines beside the charges' })
  @Optional()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @NestedArray(() => InvoiceLineDto)
  lines?: InvoiceLineDto[];

  @ApiPropertyOptional({ description: 'Default: today' })
  @Optional()
  @IsIsoDate()
  issueDate?: string;

  @ApiPropertyOptional({ description: 'Default: 14 days after the issue date' })
  @Optional()
  @IsIsoDate()
  dueDate?: string;

  @ApiPropertyOptional()
  @Nullable()
  @IsString()
  @MaxLength(2000)
  notes?: string;
}

export class UpdateInvoiceDto {
  @ApiPropertyOptional()
  @Optional()
  @IsIsoDate()
  dueDate?: string;

  @ApiPropertyOptional()
  @Nullable()
  @IsString()
  @MaxLength(2000)
  notes?: string;
}

export class PayInvoiceDto {
  @ApiPropertyOptional({ enum: PAYMENT_METHODS, default: 'bank_transfer' })
  @Optional()
  @IsIn(PAYMENT_METHODS)
  method?: PaymentMethod;

  @ApiPropertyOptional({ description: 'Default: today' })
  @Optional()
  @IsIsoDate()
  paidOn?: string;

  @ApiPropertyOptional()
  @Nullable()
  @IsString()
  @MaxLength(200)
  reference?: string;
}

export class InvoiceQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INVOICE_STATUSES })
  @Optional()
  @IsIn(INVOICE_STATUSES)
  status?: InvoiceStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  tenantId?: string;
}

/** The body and the path's id: a subclass, so the gateway reads the body as the base class (its schema name). */
export class UpdateInvoiceRequest extends UpdateInvoiceDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}
/** The body and the path's id, as UpdateInvoiceRequest. */
export class PayInvoiceRequest extends PayInvoiceDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

/** A rendered PDF over NATS (base64); the gateway streams it as application/pdf. */

