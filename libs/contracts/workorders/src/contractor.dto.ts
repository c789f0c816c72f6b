import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { IsMoneyCents, Nullable, Optional, PageQueryDto, PATCH_FIELDS, QueryBoolean } from '@quartier/contracts-shared';

export const CONTRACTOR_TRADES = [
  'plumbing',
  'electrical',
  'hvac',
  'carpentry',
  'painting',
  'roofing',
  'cleaning',
  'landscaping',
  'locksmith',
  'pest_control',
  'general',
] as const;
export type ContractorTrade = (typeof CONTRACTOR_TRADES)[number];

export const CONTRACTOR_SORT_FIELDS = ['name', 'trade', 'hourlyRateCents', 'createdAt'] as const;

export class CreateContractorDto {
  @ApiProperty({ maxLength: 200, example: 'Müller Sanitär GmbH' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: CONTRACTOR_TRADES })
  @IsIn(CONTRACTOR_TRADES)
  trade!: ContractorTrade;

  @ApiPropertyOptional({ maxLength: 200 })
  @Nullable()
  @IsString()
  @MaxLength(200)
  contactName?: string;

  @ApiPropertyOptional({ format: 'email' })
  @Nullable()
  @IsEmail()
  email?: string;

  @ApiPropertyOptional({ example: '+49 30 1234567' })
  @Nullable()
  @Matches(/^\+?[0-9 ()/-]{4,30}$/, { message: 'phone must be a phone number' })
  phone?: string;

  @ApiPropertyOptional({ minimum: 0, description: 'Hourly rate in cents' })
  @Nullable()
  @IsMoneyCents()
  hourlyRateCents?: number;

  @ApiPropertyOptional({ example: 'EUR', default: 'EUR' })
  @Optional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code' })
  currency?: string;

  @ApiPropertyOptional({ default: true })
  @Optional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ maxLength: 2000 })
  @Nullable()
  @IsString()
  @MaxLength(2000)
  notes?: string;
}

/** The currency follows the hourly rate it was created with. */
export class UpdateContractorDto extends PartialType(OmitType(CreateContractorDto, ['currency'] as const), PATCH_FIELDS) {}

export class ContractorQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CONTRACTOR_TRADES })
  @Optional()
  @IsIn(CONTRACTOR_TRADES)
  trade?: ContractorTrade;

  @ApiPropertyOptional()
  @Optional()
  @QueryBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'Case-insensitive match on name or contact name' })
  @Optional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

export class ContractorIdRequest {
  @IsUUID()
  id!: string;
}

export class UpdateContractorRequest extends UpdateContractorDto {
  @IsUUID()
  id!: string;
}

export class ContractorWorkOrdersRequest extends PageQueryDto {
  @IsUUID()
  id!: string;
}
