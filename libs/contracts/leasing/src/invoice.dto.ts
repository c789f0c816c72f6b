import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, MaxLength, Min, ValidateNested } from 'class-validator';
import { PageQueryDto } from '@quartier/contracts-shared';
import { CurrencyField, IsIsoDate } from './common.dto';
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
  @IsInt()
  @Min(0)
  amountCents!: number;
}

export class CreateInvoiceDto extends CurrencyField {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  tenantId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Invoice every charge of this lease not invoiced yet (when neither chargeIds nor lines are given)' })
  @IsOptional()
  @IsUUID()
  leaseId?: string;

  @ApiPropertyOptional({ type: [String], description: 'Charges of the tenant to invoice' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  chargeIds?: string[];

  @ApiPropertyOptional({ type: [InvoiceLineDto], description: 'Free lines beside the charges' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => InvoiceLineDto)
  lines?: InvoiceLineDto[];

  @ApiPropertyOptional({ description: 'Default: today' })
  @IsOptional()
  @IsIsoDate()
  issueDate?: string;

  @ApiPropertyOptional({ description: 'Default: 14 days after the issue date' })
  @IsOptional()
  @IsIsoDate()
  dueDate?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;
}

export class UpdateInvoiceDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsIsoDate()
  dueDate?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;
}

export class PayInvoiceDto {
  @ApiPropertyOptional({ enum: PAYMENT_METHODS, default: 'bank_transfer' })
  @IsOptional()
  @IsIn(PAYMENT_METHODS)
  method?: PaymentMethod;

  @ApiPropertyOptional({ description: 'Default: today' })
  @IsOptional()
  @IsIsoDate()
  paidOn?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reference?: string;
}

export class InvoiceQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INVOICE_STATUSES })
  @IsOptional()
  @IsIn(INVOICE_STATUSES)
  status?: InvoiceStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
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

