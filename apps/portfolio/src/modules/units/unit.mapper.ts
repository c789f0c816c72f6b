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
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
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
