import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsISO4217CurrencyCode, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

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

/** Query-string booleans arrive as strings; NATS payloads as booleans. */
export function toBoolean({ value }: { value: unknown }): unknown {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return value;
}

/** `?cascade=true` on delete: also delete everything below. */
export class DeleteQueryDto {
  @ApiPropertyOptional({ description: 'Also delete everything that belongs to it', default: false })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
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
