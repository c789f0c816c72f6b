import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Optional, PageQueryDto, Role, ROLES } from '@quartier/contracts-shared';
import { PageMetaDto } from './page-meta.dto';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-rules';

export const INVITATION_STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];
export const INVITATION_SORT_FIELDS = ['createdAt', 'expiresAt', 'email'] as const;

export class CreateInvitationDto {
  @ApiProperty({ example: 'ben@example.de', maxLength: 254 })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ enum: ROLES, description: 'Only owners invite owners' })
  @IsIn(ROLES)
  role!: Role;
}

export class InvitationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ enum: INVITATION_STATUSES }) status!: InvitationStatus;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) invitedBy!: string | null;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) acceptedAt!: string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) revokedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class InvitationPageDto extends PageMetaDto {
  @ApiProperty({ type: () => InvitationDto, isArray: true }) items!: InvitationDto[];
}

export class ListInvitationsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INVITATION_STATUSES })
  @Optional()
  @IsIn(INVITATION_STATUSES)
  status?: InvitationStatus;
}

export class InvitationIdDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  invitationId!: string;
}

export class AcceptInvitationDto {
  @ApiProperty({ description: 'The token from the invitation link (single use)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token!: string;

  @ApiPropertyOptional({ description: 'Required when no account exists for the invited email', maxLength: 200 })
  @Optional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({
    format: 'password',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: 'Required when no account exists for the invited email; an existing account keeps its password',
  })
  @Optional()
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password?: string;
}

/** The new membership; the invitee signs in with their password (and this organizationId). */
export class InvitationAcceptedDto {
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty() organizationName!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ description: 'Whether the account was created by this acceptance' }) accountCreated!: boolean;
}
