import { BuildingResponse, CreateBuildingDto } from '@quartier/contracts-portfolio';
import { toAddressResponse } from '../properties/property.mapper';
import { BuildingEntity } from './building.entity';

export function toBuildingResponse(entity: BuildingEntity): BuildingResponse {
  return {
    id: entity.id,
    propertyId: entity.propertyId,
    name: entity.name,
    address: entity.address,
    floors: entity.floors,
    yearBuilt: entity.yearBuilt,
    elevator: entity.elevator,
    heatingType: entity.heatingType,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}

type BuildingFields = { [K in keyof Omit<CreateBuildingDto, 'propertyId'>]?: CreateBuildingDto[K] | null };

/** Column values for the given fields; `null` clears an optional field. */
export function buildingColumns(fields: BuildingFields): Partial<BuildingEntity> {
  const columns: Partial<BuildingEntity> = {};
  if (fields.name) columns.name = fields.name;
  if (fields.address !== undefined) columns.address = fields.address ? toAddressResponse(fields.address) : null;
  if (typeof fields.floors === 'number') columns.floors = fields.floors;
  if (fields.yearBuilt !== undefined) columns.yearBuilt = fields.yearBuilt;
  if (typeof fields.elevator === 'boolean') columns.elevator = fields.elevator;
  if (fields.heatingType !== undefined) columns.heatingType = fields.heatingType;
  return columns;
}
