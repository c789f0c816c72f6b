import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrganizationDto, UpdateOrganizationDto } from '@quartier/contracts-identity';
import { OrgCaller } from '@quartier/contracts-shared';
import { forbidden, notFound } from '@quartier/messaging';
import { canManageMembers } from './member-rules';
import { OrganizationEntity } from './organization.entity';
import { toOrganizationDto } from './organization.mapper';

@Injectable()
export class OrganizationService {
  constructor(private readonly dataSource: DataSource) {}

  async get(organizationId: string): Promise<OrganizationDto> {
    return toOrganizationDto(await this.organization(organizationId));
  }

  /** Owners and admins only; `settings` are merged into the current ones. */
  async update(caller: OrgCaller, changes: UpdateOrganizationDto): Promise<OrganizationDto> {
    if (!canManageMembers(caller.roles)) throw forbidden('Only owners and admins may change the organization');
    const organization = await this.organization(caller.organizationId);
    const { settings, ...fields } = changes;
    for (const [key, value] of Object.entries(fields)) {
      if (value !== undefined) Object.assign(organization, { [key]: value });
    }
    if (settings) organization.settings = { ...organization.settings, ...settings };
    return toOrganizationDto(await this.dataSource.getRepository(OrganizationEntity).save(organization));
  }

  private async organization(organizationId: string): Promise<OrganizationEntity> {
    const organization = await this.dataSource.getRepository(OrganizationEntity).findOne({ where: { id: organizationId } });
    if (!organization) throw notFound('Organization', organizationId);
    return organization;
  }
}
