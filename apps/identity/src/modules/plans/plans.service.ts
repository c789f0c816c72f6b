import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrganizationDto, SetOrganizationPlanDto } from '@quartier/contracts-identity';
import { notFound } from '@quartier/messaging';
import { OrganizationEntity } from '../organizations/organization.entity';
import { toOrganizationDto } from '../organizations/organization.mapper';

/** Plan administration for platform operators: acts on any organization, named in the request. */
@Injectable()
export class PlansService {
  constructor(private readonly dataSource: DataSource) {}

  async set(request: SetOrganizationPlanDto): Promise<OrganizationDto> {
    const organizations = this.dataSource.getRepository(OrganizationEntity);
    const organization = await organizations.findOne({ where: { id: request.organizationId } });
    if (!organization) throw notFound('Organization', request.organizationId);
    organization.plan = request.plan;
    organization.subscriptionStatus = request.subscriptionStatus;
    return toOrganizationDto(await organizations.save(organization));
  }
}
