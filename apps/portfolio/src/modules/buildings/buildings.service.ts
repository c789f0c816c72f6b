import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  BUILDING_SORT_FIELDS,
  BuildingQueryDto,
  BuildingResponse,
  CreateBuildingDto,
  PortfolioErrorCode,
  UpdateBuildingMessageDto,
} from '@quartier/contracts-portfolio';
import { Page } from '@quartier/contracts-shared';
import { OrgScopedRepository } from '@quartier/db';
import { notFound, rpcError, validationFailed } from '@quartier/messaging';
import { givenFields } from '../../common/changes';
import { escapeLike, fetchPage, orderFor } from '../../common/list';
import { PG_FOREIGN_KEY_VIOLATION, pgErrorCode } from '../../common/pg-errors';
import { PropertyEntity } from '../properties/property.entity';
import { canHaveFloors } from '../units/unit-floor';
import { UnitEntity } from '../units/unit.entity';
import { BuildingEntity } from './building.entity';
import { buildingColumns, toBuildingResponse } from './building.mapper';

const SORT_COLUMNS: Record<(typeof BUILDING_SORT_FIELDS)[number], string> = {
  name: 'lower(b.name)',
  floors: 'b.floors',
  yearBuilt: 'b.year_built',
  createdAt: 'b.created_at',
  updatedAt: 'b.updated_at',
};

@Injectable()
export class BuildingsService {
  private readonly buildings: OrgScopedRepository<BuildingEntity>;
  private readonly properties: OrgScopedRepository<PropertyEntity>;
  private readonly units: OrgScopedRepository<UnitEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.buildings = new OrgScopedRepository(BuildingEntity, dataSource.manager);
    this.properties = new OrgScopedRepository(PropertyEntity, dataSource.manager);
    this.units = new OrgScopedRepository(UnitEntity, dataSource.manager);
  }

  list(organizationId: string, query: BuildingQueryDto): Promise<Page<BuildingResponse>> {
    const order = orderFor(query, SORT_COLUMNS, '-createdAt', 'b.id');
    const builder = this.buildings.query(organizationId, 'b');
    if (query.propertyId) builder.andWhere('b.property_id = :propertyId', { propertyId: query.propertyId });
    if (query.q) builder.andWhere("b.name ILIKE :q ESCAPE '\\'", { q: `%${escapeLike(query.q)}%` });
    return fetchPage(builder, query, order, toBuildingResponse);
  }

  async get(organizationId: string, id: string): Promise<BuildingResponse> {
    return toBuildingResponse(await this.load(organizationId, id));
  }

  async create(organizationId: string, dto: CreateBuildingDto): Promise<BuildingResponse> {
    if (!(await this.properties.exists(organizationId, { id: dto.propertyId }))) throw notFound('Property', dto.propertyId);
    const { propertyId, ...fields } = dto;
    try {
      return toBuildingResponse(await this.buildings.insert(organizationId, { propertyId, elevator: false, ...buildingColumns(fields) }));
    } catch (error) {
      // The property was deleted between the check and the insert.
      if (pgErrorCode(error) === PG_FOREIGN_KEY_VIOLATION) throw notFound('Property', propertyId);
      throw error;
    }
  }

  async update(organizationId: string, dto: UpdateBuildingMessageDto): Promise<BuildingResponse> {
    const { id, ...changes } = dto;
    const fields = givenFields(changes);
    const building = await this.load(organizationId, id);
    if (typeof fields.floors === 'number' && fields.floors < building.floors) {
      const highest = await this.highestUnitFloor(organizationId, id);
      if (!canHaveFloors(fields.floors, highest)) {
        throw validationFailed([{ field: 'floors', message: `floors must be at least ${highest}: a unit is on that floor` }]);
      }
    }
    Object.assign(building, buildingColumns(fields));
    return toBuildingResponse(await this.buildings.save(organizationId, building));
  }

  /** Refuses while units exist (409) unless `cascade`, which removes the units and their history too. */
  async delete(organizationId: string, id: string, cascade: boolean): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const buildings = this.buildings.withManager(manager);
      if (!(await buildings.exists(organizationId, { id }))) throw notFound('Building', id);
      const units = this.units.withManager(manager);
      const unitCount = await units.count(organizationId, { buildingId: id });
      if (unitCount > 0 && !cascade) throw hasUnits(id, unitCount);
      if (cascade) await units.deleteWhere(organizationId, { buildingId: id });
      try {
        await buildings.deleteById(organizationId, id);
      } catch (error) {
        if (pgErrorCode(error) === PG_FOREIGN_KEY_VIOLATION) throw hasUnits(id, unitCount + 1);
        throw error;
      }
    });
  }

  private async highestUnitFloor(organizationId: string, buildingId: string): Promise<number | null> {
    const row = await this.units
      .query(organizationId, 'u')
      .select('MAX(u.floor)', 'highest')
      .andWhere('u.building_id = :buildingId', { buildingId })
      .getRawOne<{ highest: number | null }>();
    return row?.highest ?? null;
  }

  private async load(organizationId: string, id: string): Promise<BuildingEntity> {
    const building = await this.buildings.findById(organizationId, id);
    if (!building) throw notFound('Building', id);
    return building;
  }
}

function hasUnits(id: string, units: number) {
  return rpcError(409, PortfolioErrorCode.BUILDING_HAS_UNITS, 'The building still has units; delete them first or use cascade', {
    buildingId: id,
    units,
  });
}
