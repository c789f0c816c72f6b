import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  ChangeUnitStatusMessageDto,
  CreateUnitDto,
  PortfolioErrorCode,
  UNIT_SORT_FIELDS,
  UnitHistoryMessageDto,
  UnitQueryDto,
  UnitResponse,
  UnitStatus,
  UnitStatusHistoryResponse,
  UpdateUnitMessageDto,
} from '@quartier/contracts-portfolio';
import { OrgCaller, Page, pageOf, pageParams } from '@quartier/contracts-shared';
import { OrgScopedRepository } from '@quartier/db';
import { notFound, rpcError, validationFailed } from '@quartier/messaging';
import { givenFields } from '../../common/changes';
import { orderFor } from '../../common/list';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '../../common/pg-errors';
import { BuildingEntity } from '../buildings/building.entity';
import { floorRangeMessage, isFloorInBuilding } from './unit-floor';
import { allowedTransitions, canTransition } from './unit-status';
import { recordInitialStatus, recordStatusChange } from './unit-status.recorder';
import { UnitStatusHistoryEntity } from './unit-status-history.entity';
import { UnitEntity } from './unit.entity';
import { UnitRow, toHistoryResponse, toUnitResponse, unitColumns, unitRowToResponse } from './unit.mapper';
import { unitCountQuery, unitListQuery } from './unit-list.query';

const SORT_COLUMNS: Record<(typeof UNIT_SORT_FIELDS)[number], string> = {
  number: 'u.number',
  floor: 'u.floor',
  type: 'u.type',
  status: 'u.status',
  area: 'u.area',
  rooms: 'u.rooms',
  targetRent: 'u.target_rent_cents',
  createdAt: 'u.created_at',
  updatedAt: 'u.updated_at',
};

@Injectable()
export class UnitsService {
  private readonly units: OrgScopedRepository<UnitEntity>;
  private readonly buildings: OrgScopedRepository<BuildingEntity>;
  private readonly statusHistory: OrgScopedRepository<UnitStatusHistoryEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.units = new OrgScopedRepository(UnitEntity, dataSource.manager);
    this.buildings = new OrgScopedRepository(BuildingEntity, dataSource.manager);
    this.statusHistory = new OrgScopedRepository(UnitStatusHistoryEntity, dataSource.manager);
  }

  /** The benchmark path: one statement returns the page and the total, mapped without entity hydration. */
  async list(organizationId: string, query: UnitQueryDto): Promise<Page<UnitResponse>> {
    const order = orderFor(query, SORT_COLUMNS, '-createdAt', 'u.id');
    const { page, size } = pageParams(query);
    const statement = unitListQuery(organizationId, query, order, page, size);
    const rows = await this.dataSource.query<(UnitRow & { total_count: string })[]>(statement.sql, statement.params);
    let total = rows.length > 0 ? Number(rows[0].total_count) : 0;
    if (rows.length === 0 && page > 1) {
      const count = unitCountQuery(statement);
      total = (await this.dataSource.query<{ total: number }[]>(count.sql, count.params))[0].total;
    }
    return pageOf(rows.map(unitRowToResponse), total, page, size);
  }

  async get(organizationId: string, id: string): Promise<UnitResponse> {
    return toUnitResponse(await this.load(organizationId, id, this.dataSource.manager, false));
  }

  async create(caller: OrgCaller, dto: CreateUnitDto): Promise<UnitResponse> {
    const organizationId = caller.organizationId;
    const building = await this.buildings.findById(organizationId, dto.buildingId);
    if (!building) throw notFound('Building', dto.buildingId);
    assertFloor(dto.floor, building);
    const { buildingId, status, ...fields } = dto;
    const unit = await this.uniqueNumber(dto.number, () =>
      this.dataSource.transaction(async (manager) => {
        const created = await this.units.withManager(manager).insert(organizationId, {
          buildingId,
          propertyId: building.propertyId,
          status: status ?? 'vacant',
          features: [],
          ...unitColumns(fields),
        });
        await recordInitialStatus(manager, created, caller.userId);
        return created;
      }),
    );
    return toUnitResponse(unit);
  }

  /** Changes the given fields; a new status follows the same rules and history as change-status. */
  async update(caller: OrgCaller, dto: UpdateUnitMessageDto): Promise<UnitResponse> {
    const { id, status, ...changes } = dto;
    const fields = givenFields(changes);
    const unit = await this.uniqueNumber(fields.number ?? '', () =>
      this.dataSource.transaction(async (manager) => {
        const current = await this.load(caller.organizationId, id, manager);
        if (typeof fields.floor === 'number') {
          const building = await this.buildings.withManager(manager).findById(caller.organizationId, current.buildingId);
          if (building) assertFloor(fields.floor, building);
        }
        Object.assign(current, unitColumns(fields));
        if (status && status !== current.status) return this.transition(manager, caller, current, status, null);
        return this.units.withManager(manager).save(caller.organizationId, current);
      }),
    );
    return toUnitResponse(unit);
  }

  async delete(organizationId: string, id: string): Promise<void> {
    if (!(await this.units.deleteById(organizationId, id))) throw notFound('Unit', id);
  }

  async changeStatus(caller: OrgCaller, dto: ChangeUnitStatusMessageDto): Promise<UnitResponse> {
    const unit = await this.dataSource.transaction(async (manager) => {
      const current = await this.load(caller.organizationId, dto.id, manager);
      return this.transition(manager, caller, current, dto.status, dto.reason ?? null);
    });
    return toUnitResponse(unit);
  }

  /** Newest first. */
  async history(organizationId: string, dto: UnitHistoryMessageDto): Promise<Page<UnitStatusHistoryResponse>> {
    if (!(await this.units.exists(organizationId, { id: dto.id }))) throw notFound('Unit', dto.id);
    const { page, size } = pageParams(dto);
    const [rows, total] = await this.statusHistory.findPage(organizationId, {
      where: { unitId: dto.id },
      order: { changedAt: 'DESC', id: 'ASC' },
      page,
      size,
    });
    return pageOf(rows.map(toHistoryResponse), total, page, size);
  }

  private async transition(manager: EntityManager, caller: OrgCaller, unit: UnitEntity, to: UnitStatus, reason: string | null): Promise<UnitEntity> {
    if (!canTransition(unit.status, to)) {
      throw rpcError(409, PortfolioErrorCode.UNIT_STATUS_TRANSITION_INVALID, `A ${unit.status} unit cannot become ${to}`, {
        from: unit.status,
        to,
        allowed: allowedTransitions(unit.status),
      });
    }
    return recordStatusChange(manager, unit, { to, source: 'manual', reason, changedBy: caller.userId });
  }

  /** Inside a transaction the row is locked, so status changes of one unit happen one after another. */
  private async load(organizationId: string, id: string, manager: EntityManager, lock = true): Promise<UnitEntity> {
    const query = this.units.withManager(manager).query(organizationId, 'u').andWhere('u.id = :id', { id });
    const unit = await (lock ? query.setLock('pessimistic_write') : query).getOne();
    if (!unit) throw notFound('Unit', id);
    return unit;
  }

  private async uniqueNumber<T>(number: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) {
        throw rpcError(409, PortfolioErrorCode.UNIT_NUMBER_TAKEN, `The building already has a unit ${number}`, { number });
      }
      throw error;
    }
  }
}

function assertFloor(floor: number, building: BuildingEntity): void {
  if (!isFloorInBuilding(floor, building.floors)) throw validationFailed([{ field: 'floor', message: floorRangeMessage(building.floors) }]);
}
