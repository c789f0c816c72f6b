import { CreateUnitDto, UnitResponse, UnitStatusHistoryResponse } from '@quartier/contracts-portfolio';
import { UnitStatusHistoryEntity } from './unit-status-history.entity';
import { UnitEntity } from './unit.entity';

export function toUnitResponse(entity: UnitEntity): UnitResponse {
  return {
    id: entity.id,
    propertyId: entity.propertyId,
    buildingId: entity.buildingId,
    number: entity.number,
    floor: entity.floor,
    type: entity.type,
    area: entity.area,
    rooms: entity.rooms,
    bedrooms: entity.bedrooms,
    bathrooms: entity.bathrooms,
    targetRent:
      entity.targetRentCents === null || entity.targetRentCurrency === null
        ? null
        : { amountCents: entity.targetRentCents, currency: entity.targetRentCurrency },
    status: entity.status,
    features: entity.features,
    currentLeaseId: entity.currentLeaseId,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}

/** A unit as `unitListQuery` selects it (timestamps already ISO strings). */
export interface UnitRow {
  id: string;
  property_id: string;
  building_id: string;
  number: string;
  floor: number;
  type: UnitResponse['type'];
  area: number;
  rooms: number | null;
  bedrooms: number | null;
  bathrooms: number | null;
  target_rent_cents: string | null;
  target_rent_currency: string | null;
  status: UnitResponse['status'];
  features: string[];
  current_lease_id: string | null;
  created_at: string;
  updated_at: string;
}

export function unitRowToResponse(row: UnitRow): UnitResponse {
  return {
    id: row.id,
    propertyId: row.property_id,
    buildingId: row.building_id,
    number: row.number,
    floor: row.floor,
    type: row.type,
    area: row.area,
    rooms: row.rooms,
    bedrooms: row.bedrooms,
    bathrooms: row.bathrooms,
    targetRent:
      row.target_rent_cents === null || row.target_rent_currency === null
        ? null
        : { amountCents: Number(row.target_rent_cents), currency: row.target_rent_currency },
    status: row.status,
    features: row.features,
    currentLeaseId: row.current_lease_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toHistoryResponse(entity: UnitStatusHistoryEntity): UnitStatusHistoryResponse {
  return {
    id: entity.id,
    unitId: entity.unitId,
    fromStatus: entity.fromStatus,
    toStatus: entity.toStatus,
    reason: entity.reason,
    source: entity.source,
    eventId: entity.eventId,
    changedBy: entity.changedBy,
    changedAt: entity.changedAt.toISOString(),
  };
}

type UnitFields = { [K in keyof Omit<CreateUnitDto, 'buildingId' | 'status'>]?: CreateUnitDto[K] | null };

/** Column values for the given fields (status is changed only through the history); `null` clears optional ones. */
export function unitColumns(fields: UnitFields): Partial<UnitEntity> {
  const columns: Partial<UnitEntity> = {};
  if (fields.number) columns.number = fields.number;
  if (typeof fields.floor === 'number') columns.floor = fields.floor;
  if (fields.type) columns.type = fields.type;
  if (typeof fields.area === 'number') columns.area = fields.area;
  if (fields.rooms !== undefined) columns.rooms = fields.rooms;
  if (fields.bedrooms !== undefined) columns.bedrooms = fields.bedrooms;
  if (fields.bathrooms !== undefined) columns.bathrooms = fields.bathrooms;
  if (fields.targetRent !== undefined) {
    columns.targetRentCents = fields.targetRent?.amountCents ?? null;
    columns.targetRentCurrency = fields.targetRent?.currency.toUpperCase() ?? null;
  }
  if (fields.features !== undefined) columns.features = fields.features ?? [];
  return columns;
}
