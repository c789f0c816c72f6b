import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ADMIN_ROLES, RequireRoles } from '@quartier/auth';
import {
  AddMemberDto,
  CreateInvitationDto,
  IdentitySubjects,
  InvitationDto,
  LimitsDto,
  ListInvitationsDto,
  ListMembersDto,
  MemberDto,
  OrganizationDto,
  UpdateOrganizationDto,
} from '@quartier/contracts-identity';
import { PortfolioSubjects, PortfolioUsageResponse } from '@quartier/contracts-portfolio';
import { Caller, Page } from '@quartier/contracts-shared';
import { RpcClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { UuidParam } from '../../platform/validation';
import { RequestCaller } from '../../security/caller.decorator';
import { InvitationPageDto, MemberPageDto, MemberRoleDto, OrganizationLimitsDto } from './organization-route.dto';

@ApiTags('organization')
@ApiAuthenticated()
@Controller('organization')
export class OrganizationController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'The current organization' })
  @ApiOkResponse({ type: OrganizationDto })
  @ApiProblems()
  get(@RequestCaller() caller: Caller): Promise<OrganizationDto> {
    return this.rpc.request(IdentitySubjects.organizationGet, {}, caller);
  }

  @Patch()
  @RequireRoles(...ADMIN_ROLES)
  @ApiOperation({ summary: 'Update the organization (owners and admins)' })
  @ApiOkResponse({ type: OrganizationDto })
  @ApiProblems(422)
  update(@Body() dto: UpdateOrganizationDto, @RequestCaller() caller: Caller): Promise<OrganizationDto> {
    return this.rpc.request(IdentitySubjects.organizationUpdate, dto, caller);
  }

  @Get('members')
  @ApiOperation({ summary: 'Members of the organization with their roles' })
  @ApiOkResponse({ type: MemberPageDto })
  @ApiProblems(422)
  members(@Query() query: ListMembersDto, @RequestCaller() caller: Caller): Promise<Page<MemberDto>> {
    return this.rpc.request(IdentitySubjects.membersList, query, caller);
  }

  @Post('members')
  @RequireRoles(...ADMIN_ROLES)
  @ApiOperation({ summary: 'Add a member (owners and admins; 402 over the plan user limit, 409 when already a member)' })
  @ApiCreatedResponse({ type: MemberDto })
  @ApiProblems(402, 409, 422)
  addMember(@Body() dto: AddMemberDto, @RequestCaller() caller: Caller): Promise<MemberDto> {
    return this.rpc.request(IdentitySubjects.membersAdd, dto, caller);
  }

  @Patch('members/:memberId')
  @RequireRoles(...ADMIN_ROLES)
  @ApiOperation({ summary: "Change a member's role (membership id; the last owner cannot be demoted, 409)" })
  @ApiOkResponse({ type: MemberDto })
  @ApiProblems(404, 409, 422)
  changeRole(@UuidParam('memberId') memberId: string, @Body() dto: MemberRoleDto, @RequestCaller() caller: Caller): Promise<MemberDto> {
    return this.rpc.request(IdentitySubjects.membersChangeRole, { ...dto, memberId }, caller);
  }

  @Delete('members/:memberId')
  @RequireRoles(...ADMIN_ROLES)
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a member (membership id; the last owner cannot be removed, 409)' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiProblems(404, 409, 422)
  async removeMember(@UuidParam('memberId') memberId: string, @RequestCaller() caller: Caller): Promise<void> {
    await this.rpc.request(IdentitySubjects.membersRemove, { memberId }, caller);
  }

  @Post('invitations')
  @RequireRoles(...ADMIN_ROLES)
  @ApiOperation({
    summary: 'Invite someone by email with a role (owners and admins; only owners invite owners)',
    description:
      'Mails a single-use link to accept. Replaces a pending invitation of the same email. 402 when the plan has no room for another user, 409 when already a member.',
  })
  @ApiCreatedResponse({ type: InvitationDto })
  @ApiProblems(402, 409, 422)
  invite(@Body() dto: CreateInvitationDto, @RequestCaller() caller: Caller): Promise<InvitationDto> {
    return this.rpc.request(IdentitySubjects.invitationsCreate, dto, caller);
  }

  @Get('invitations')
  @RequireRoles(...ADMIN_ROLES)
  @ApiOperation({ summary: 'Invitations of the organization, newest first (filter by status: pending, accepted, revoked, expired)' })
  @ApiOkResponse({ type: InvitationPageDto })
  @ApiProblems(422)
  invitations(@Query() query: ListInvitationsDto, @RequestCaller() caller: Caller): Promise<Page<InvitationDto>> {
    return this.rpc.request(IdentitySubjects.invitationsList, query, caller);
  }

  @Delete('invitations/:invitationId')
  @RequireRoles(...ADMIN_ROLES)
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an invitation: its link stops working (an accepted one cannot be revoked, 409)' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiProblems(404, 409, 422)
  async revokeInvitation(@UuidParam('invitationId') invitationId: string, @RequestCaller() caller: Caller): Promise<void> {
    await this.rpc.request(IdentitySubjects.invitationsRevoke, { invitationId }, caller);
  }

  @Get('limits')
  @ApiOperation({ summary: 'Plan, limits and current usage (users from identity; properties, buildings, units, documents and stored bytes from portfolio)' })
  @ApiOkResponse({ type: OrganizationLimitsDto })
  @ApiProblems()
  async limits(@RequestCaller() caller: Caller): Promise<OrganizationLimitsDto> {
    const [limits, usage] = await Promise.all([
      this.rpc.request<LimitsDto>(IdentitySubjects.limitsGet, {}, caller),
      this.rpc.request<PortfolioUsageResponse>(PortfolioSubjects.usageGet, {}, caller),
    ]);
    const { usersUsed, ...plan } = limits;
    return { ...plan, usage: { users: usersUsed, ...usage } };
  }
}
