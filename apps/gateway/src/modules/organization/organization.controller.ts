import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { InvitationOperations, LimitOperations, MemberOperations, OrganizationOperations } from '@quartier/contracts-identity';
import { UsageOperations } from '@quartier/contracts-portfolio';
import { Caller } from '@quartier/contracts-shared';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { RequestCaller } from '../../security/caller.decorator';
import { operationController } from '../../operations/operation-routes.factory';
import { OrganizationLimitsDto } from './organization-route.dto';

/**
 * /api/v1/organization: the organization, its members and invitations, generated from identity's
 * operation descriptors. The route names keep the operationIds clients use.
 */
@Controller()
export class OrganizationController extends operationController('OrganizationController', {
  get: OrganizationOperations.get,
  update: OrganizationOperations.update,
  members: MemberOperations.list,
  addMember: MemberOperations.add,
  changeRole: MemberOperations.changeRole,
  removeMember: MemberOperations.remove,
  invite: InvitationOperations.create,
  invitations: InvitationOperations.list,
  revokeInvitation: InvitationOperations.revoke,
}) {
  // Hand-written: one answer joined from identity's limits and portfolio's usage.
  @Get('organization/limits')
  @ApiAuthenticated()
  @ApiOperation({ summary: 'Plan, limits and current usage (users from identity; properties, buildings, units, documents and stored bytes from portfolio)' })
  @ApiOkResponse({ type: OrganizationLimitsDto })
  @ApiProblems()
  async limits(@RequestCaller() caller: Caller): Promise<OrganizationLimitsDto> {
    const [limits, usage] = await Promise.all([
      this.client.send(LimitOperations.get, {}, caller),
      this.client.send(UsageOperations.get, {}, caller),
    ]);
    const { usersUsed, ...plan } = limits;
    return { ...plan, usage: { users: usersUsed, ...usage } };
  }
}
