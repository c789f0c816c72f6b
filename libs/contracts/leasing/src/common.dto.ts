import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Optional, PageQueryDto } from '@quartier/contracts-shared';
import { IsString, IsUUID, Length, Matches } from 'class-validator';

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
