import { ApiProperty, OmitType } from '@nestjs/swagger';
import { AuditLogDto, ChangeMemberRoleDto, InvitationDto, LimitsDto, MemberDto } from '@quartier/contracts-identity';
import { PortfolioUsageResponse } from '@quartier/contracts-portfolio';

/** `PATCH /organization/members/:memberId` body: the new role (the id travels in the path). */
export class MemberRoleDto extends OmitType(ChangeMemberRoleDto, ['memberId'] as const) {}

class PageMetaDto {
  @ApiProperty({ example: 42 }) total!: number;
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 20 }) size!: number;
  @ApiProperty({ example: 3 }) pages!: number;
}

export class MemberPageDto extends PageMetaDto {
  @ApiProperty({ type: () => MemberDto, isArray: true }) items!: MemberDto[];
}

export class InvitationPageDto extends PageMetaDto {
  @ApiProperty({ type: () => InvitationDto, isArray: true }) items!: InvitationDto[];
}

export class AuditLogPageDto extends PageMetaDto {
  @ApiProperty({ type: () => AuditLogDto, isArray: true }) items!: AuditLogDto[];
}

export class UsageDto extends PortfolioUsageResponse {
  @ApiProperty({ description: 'Users (memberships) in the organization' }) users!: number;
}

/** The plan, its limits and what the organization uses now (identity's limits + portfolio's counts). */
export class OrganizationLimitsDto extends OmitType(LimitsDto, ['usersUsed'] as const) {
  @ApiProperty({ type: () => UsageDto }) usage!: UsageDto;
}
