import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CheckLimitDto, LimitCheckResultDto, LimitsDto } from '@quartier/contracts-identity';
import { OrgScopedRepository } from '@quartier/db';
import { notFound } from '@quartier/messaging';
import { MembershipEntity } from '../organizations/membership.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { limitRefused } from './limits.errors';
import { PLAN_LIMITS, checkLimit } from './plan-limits';

@Injectable()
export class LimitsService {
  constructor(private readonly dataSource: DataSource) {}

  async get(organizationId: string): Promise<LimitsDto> {
    const organization = await this.organization(this.dataSource.manager, organizationId);
    const usersUsed = await new OrgScopedRepository(MembershipEntity, this.dataSource.manager).count(organizationId);
    return {
      plan: organization.plan,
      subscriptionStatus: organization.subscriptionStatus,
      limits: { ...PLAN_LIMITS[organization.plan] },
      usersUsed,
    };
  }

  async check(organizationId: string, request: CheckLimitDto): Promise<LimitCheckResultDto> {
    const organization = await this.organization(this.dataSource.manager, organizationId);
    const decision = checkLimit(organization.plan, organization.subscriptionStatus, request.resource, request.currentUsage, request.adding ?? 1);
    if (!decision.ok) throw limitRefused(request.resource, decision);
    return { ok: true, resource: request.resource, limit: decision.limit, remaining: decision.remaining };
  }

  /**
   * Inside the caller's transaction: locks the organization row, so concurrent additions are
   * counted one after the other, and refuses a user beyond the plan.
   */
  async assertCanAddUser(manager: EntityManager, organizationId: string): Promise<OrganizationEntity> {
    const organization = await manager.findOne(OrganizationEntity, { where: { id: organizationId }, lock: { mode: 'pessimistic_write' } });
    if (!organization) throw notFound('Organization', organizationId);
    const used = await new OrgScopedRepository(MembershipEntity, manager).count(organizationId);
    const decision = checkLimit(organization.plan, organization.subscriptionStatus, 'users', used, 1);
    if (!decision.ok) throw limitRefused('users', decision);
    return organization;
  }

  private async organization(manager: EntityManager, organizationId: string): Promise<OrganizationEntity> {
    const organization = await manager.findOne(OrganizationEntity, { where: { id: organizationId } });
    if (!organization) throw notFound('Organization', organizationId);
    return organization;
  }
}
