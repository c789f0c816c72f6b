import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsObject, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { Optional, PageQueryDto, Role, ROLES } from '@quartier/contracts-shared';
import { PageMetaDto } from './page-meta.dto';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-rules';
import { PLANS, Plan, SUBSCRIPTION_STATUSES, SubscriptionStatus } from './plans';

export class OrganizationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'schmidt-hausverwaltung' }) slug!: string;
  @ApiProperty({ enum: PLANS }) plan!: Plan;
  @ApiProperty({ enum: SUBSCRIPTION_STATUSES }) subscriptionStatus!: SubscriptionStatus;
  @ApiProperty({ example: 'Europe/Berlin' }) timeZone!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) settings!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class UpdateOrganizationDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @Optional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: 'Europe/Berlin' })
  @Optional()
  @IsString()
  @Matches(/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/, { message: 'timeZone must be an IANA time zone' })
  @MaxLength(64)
  timeZone?: string;

  @ApiPropertyOptional({ example: 'EUR', description: 'ISO 4217' })
  @Optional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code' })
  currency?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Merged into the current settings' })
  @Optional()
  @IsObject()
  settings?: Record<string, unknown>;
}

export class MemberDto {
  @ApiProperty({ format: 'uuid', description: 'Membership id' }) id!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export const MEMBER_SORT_FIELDS = ['createdAt', 'role'] as const;

export class ListMembersDto extends PageQueryDto {}

export class AddMemberDto {
  @ApiProperty({ example: 'ben@example.de' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({ description: 'Name of a user who does not exist yet', maxLength: 200 })
  @Optional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ format: 'password', description: 'Initial password of a user who does not exist yet; without one the user signs in through Authelia only' })
  @Optional()
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password?: string;
}

export class MemberIdDto {
  @ApiProperty({ format: 'uuid', description: 'Membership id' })
  @IsUUID()
  memberId!: string;
}

/** `PATCH /organization/members/:memberId` body: the new role (the id travels in the path). */
export class MemberRoleDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;
}

export class ChangeMemberRoleDto extends MemberRoleDto {
  @ApiProperty({ format: 'uuid', description: 'Membership id' })
  @IsUUID()
  memberId!: string;
}

export class MemberPageDto extends PageMetaDto {
  @ApiProperty({ type: () => MemberDto, isArray: true }) items!: MemberDto[];
}
