import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { Nullable, Optional, PageQueryDto, PATCH_FIELDS } from '@quartier/contracts-shared';

export const TENANT_STATUSES = ['applicant', 'active', 'former'] as const;
export type TenantStatus = (typeof TENANT_STATUSES)[number];
export const TENANT_SORT_FIELDS = ['lastName', 'firstName', 'email', 'status', 'createdAt'] as const;

export class CreateTenantDto {
  @ApiProperty({ example: 'Erika' })
  @IsString()
  @Length(1, 100)
  firstName!: string;

  @ApiProperty({ example: 'Mustermann' })
  @IsString()
  @Length(1, 100)
  lastName!: string;

  @ApiPropertyOptional({ description: 'Set when the renter is a company' })
  @Nullable()
  @IsString()
  @MaxLength(200)
  companyName?: string;

  @ApiProperty({ example: 'erika@example.com' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiPropertyOptional({ example: '+49 30 1234567' })
  @Nullable()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiPropertyOptional({ enum: TENANT_STATUSES, default: 'applicant' })
  @Optional()
  @IsIn(TENANT_STATUSES)
  status?: TenantStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'User account of the resident (self-service portal)' })
  @Nullable()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional()
  @Nullable()
  @IsString()
  @MaxLength(2000)
  notes?: string;
}

export class UpdateTenantDto extends PartialType(CreateTenantDto, PATCH_FIELDS) {}

/** What a resident may change on their own record. */
export class UpdateOwnTenantDto {
  @ApiPropertyOptional()
  @Nullable()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiPropertyOptional()
  @Nullable()
  @IsEmail()
  @MaxLength(254)
  email?: string;
}

export class TenantQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Matches name, company or email' })
  @Optional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ enum: TENANT_STATUSES })
  @Optional()
  @IsIn(TENANT_STATUSES)
  status?: TenantStatus;
}

/** The body and the path's id: a subclass, so the gateway reads the body as the base class (its schema name). */
export class UpdateTenantRequest extends UpdateTenantDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

