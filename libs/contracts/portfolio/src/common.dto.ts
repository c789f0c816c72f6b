import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO4217CurrencyCode, IsInt, IsUUID, Max, Min } from 'class-validator';
import { Optional, QueryBoolean } from '@quartier/contracts-shared';

/** Money as integer minor units (cents) with an ISO 4217 currency. */
export class MoneyDto {
  @ApiProperty({ type: 'integer', description: 'Amount in minor units (cents)', example: 45000000, minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amountCents!: number;

  @ApiProperty({ description: 'ISO 4217 currency code', example: 'EUR' })
  @IsISO4217CurrencyCode()
  currency!: string;
}

/** `{ id }`: the payload of get requests. */
export class IdDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

/** `?cascade=true` on delete: also delete everything below. */
export class DeleteQueryDto {
  @ApiPropertyOptional({ description: 'Also delete everything that belongs to it', default: false })
  @Optional()
  @QueryBoolean()
  cascade?: boolean;
}

/** The payload of delete requests: `{ id, cascade? }`. */
export class DeleteMessageDto extends DeleteQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class PageMetaResponse {
  @ApiProperty({ example: 42 })
  total!: number;

  @ApiProperty({ example: 1 })
  page!: number;

  @ApiProperty({ example: 20 })
  size!: number;

  @ApiProperty({ example: 3 })
  pages!: number;
}

/** The answer of every delete operation (the gateway answers 204 without it). */
export class DeletedResponse {
  @ApiProperty({ enum: [true] })
  deleted!: true;
}
