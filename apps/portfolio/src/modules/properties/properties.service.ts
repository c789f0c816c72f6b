import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  CreatePropertyDto,
  PROPERTY_SORT_FIELDS,
  PortfolioErrorCode,
  PropertyQueryDto,
  PropertyResponse,
  UpdatePropertyMessageDto,
} from '@quartier/contracts-portfolio';
import { OrgCaller, Page } from '@quartier/contracts-shared';
import { OrgScopedRepository } from '@quartier/db';
import { notFound, rpcError } from '@quartier/messaging';
import { givenFields } from '../../common/changes';
import { escapeLike, fetchPage, orderFor } from '../../common/list';
import { PG_FOREIGN_KEY_VIOLATION, pgErrorCode } from '../../common/pg-errors';
import { BuildingEntity } from '../buildings/building.entity';
import { PlanLimitsService } from '../limits/plan-limits.service';
import { UnitEntity } from '../units/unit.entity';
import { PropertyEntity } from './property.entity';
import { propertyColumns, toPropertyResponse } from './property.mapper';

const SORT_COLUMNS: Record<(typeof PROPERTY_SORT_FIELDS)[number], string> = {
  name: 'lower(p.name)',
  type: 'p.type',
  status: 'p.status',
  city: 'lower(p.city)',
  postalCode: 'p.postal_code',
  livingArea: 'p.living_area',
  rooms: 'p.rooms',
  yearBuilt: 'p.year_built',
  currentValue: 'p.current_value_cents',
  createdAt: 'p.created_at',
  updatedAt: 'p.updated_at',
};

@Injectable()
export class PropertiesService {
  private readonly properties: OrgScopedRepository<PropertyEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly limits: PlanLimitsService,
  ) {
    this.properties = new OrgScopedRepository(PropertyEntity, dataSource.manager);
  }

  list(organizationId: string, query: PropertyQueryDto): Promise<Page<PropertyResponse>> {
    const order = orderFor(query, SORT_COLUMNS, '-createdAt', 'p.id');
    const builder = this.properties.query(organizationId, 'p');
    if (query.type) builder.andWhere('p.type = :type', { type: query.type });
    if (query.status) builder.andWhere('p.status = :status', { status: query.status });
    if (query.city) builder.andWhere('lower(p.city) = lower(:city)', { city: query.city });
    if (query.postalCode) builder.andWhere('p.postal_code = :postalCode', { postalCode: query.postalCode });
    if (query.q) {
      builder.andWhere("(p.name ILIKE :q ESCAPE '\\' OR p.street ILIKE :q ESCAPE '\\')", { q: `%${escapeLike(query.q)}%` });
    }
    if (query.minArea !== undefined) builder.andWhere('p.living_area >= :minArea', { minArea: query.minArea });
    if (query.maxArea !== undefined) builder.andWhere('p.living_area <= :maxArea', { maxArea: query.maxArea });
    return fetchPage(builder, query, order, toPropertyResponse);
  }

  async get(organizationId: string, id: string): Promise<PropertyResponse> {
    return toPropertyResponse(await this.load(organizationId, id));
  }

  /** Counts and inserts under a per-organization lock, so concurrent creates cannot overshoot the plan. */
  async create(caller: OrgCaller, dto: CreatePropertyDto): Promise<PropertyResponse> {
    const organizationId = caller.organizationId;
    const created = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`portfolio-properties:${organizationId}`]);
      const properties = this.properties.withManager(manager);
      await this.limits.assertCanAdd(caller, 'properties', await properties.count(organizationId));
      return properties.insert(organizationId, { status: 'active', amenities: [], ...propertyColumns(dto) });
    });
    return toPropertyResponse(created);
  }

  async update(organizationId: string, dto: UpdatePropertyMessageDto): Promise<PropertyResponse> {
    const { id, ...changes } = dto;
    const fields = givenFields(changes);
    const property = await this.load(organizationId, id);
    Object.assign(property, propertyColumns(fields));
    return toPropertyResponse(await this.properties.save(organizationId, property));
  }

  /** Refuses while buildings exist (409) unless `cascade`, which removes buildings, units and their history too. */
  async delete(organizationId: string, id: string, cascade: boolean): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const property = await this.properties.withManager(manager).findById(organizationId, id);
      if (!property) throw notFound('Property', id);
      const buildings = new OrgScopedRepository(BuildingEntity, manager);
      const buildingCount = await buildings.count(organizationId, { propertyId: id });
      if (buildingCount > 0 && !cascade) throw hasBuildings(id, buildingCount);
      if (cascade) await deletePropertyContents(manager, organizationId, id);
      try {
        await this.properties.withManager(manager).deleteById(organizationId, id);
      } catch (error) {
        // A building added concurrently still protects the property (foreign key).
        if (pgErrorCode(error) === PG_FOREIGN_KEY_VIOLATION) throw hasBuildings(id, buildingCount + 1);
        throw error;
      }
    });
  }

  private async load(organizationId: string, id: string): Promise<PropertyEntity> {
    const property = await this.properties.findById(organizationId, id);
    if (!property) throw notFound('Property', id);
    return property;
  }
}

function hasBuildings(id: string, buildings: number) {
  return rpcError(409, PortfolioErrorCode.PROPERTY_HAS_BUILDINGS, 'The property still has buildings; delete them first or use cascade', {
    propertyId: id,
    buildings,
  });
}

/** Units (their history goes with them, ON DELETE CASCADE), then buildings. */
async function deletePropertyContents(manager: EntityManager, organizationId: string, propertyId: string): Promise<void> {
  await new OrgScopedRepository(UnitEntity, manager).deleteWhere(organizationId, { propertyId });
  await new OrgScopedRepository(BuildingEntity, manager).deleteWhere(organizationId, { propertyId });
}
