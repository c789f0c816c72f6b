import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Optional, PageQueryDto } from '@quartier/contracts-shared';
import { IsString, IsUUID, Length, Matches, ValidateBy } from 'class-validator';

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const ISO_DATE_MESSAGE = 'must be an ISO date (YYYY-MM-DD)';

/** A real calendar date as YYYY-MM-DD (2026-02-30 is refused, not rolled over or left to the database). */
export function isIsoDate(value: unknown): boolean {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

export function IsIsoDate(): PropertyDecorator {
  return ValidateBy({
    name: 'isIsoDate',
    validator: { validate: isIsoDate, defaultMessage: (args) => `${args?.property ?? 'value'} ${ISO_DATE_MESSAGE}` },
  });
}

/** A request naming one record. */
export class IdRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class CurrencyField {
  @ApiPropertyOptional({ description: 'ISO 4217 currency', default: 'EUR', example: 'EUR' })
  @Optional()
  @IsString()
  @Length(3, 3)
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code' })
  currency?: string;
}

/** A page of something that belongs to one record, e.g. a tenant's leases. */
export class IdPageRequest extends IntersectionType(IdRequest, PageQueryDto) {}
