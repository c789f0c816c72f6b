import { EntityManager } from 'typeorm';
import { OrgScopedRepository } from '@quartier/db';
import { notFound, validationFailed } from '@quartier/messaging';
import { BuildingEntity } from '../../buildings/building.entity';
import { PropertyEntity } from '../../properties/property.entity';
import { UnitEntity } from '../../units/unit.entity';

export interface PortfolioLinks {
  propertyId: string | null;
  buildingId: string | null;
  unitId: string | null;
}

/**
 * Checks that the linked property, building and unit exist in the organization (404 otherwise)
 * and belong together (422), and fills in the levels above the most specific one, so a unit's
 * documents also show up under its building and property.
 */
export async function resolveLinks(manager: EntityManager, organizationId: string, links: PortfolioLinks): Promise<PortfolioLinks> {
  let { propertyId, buildingId } = links;
  const { unitId } = links;
  if (unitId) {
    const unit = await new OrgScopedRepository(UnitEntity, manager).findById(organizationId, unitId);
    if (!unit) throw notFound('Unit', unitId);
    if (buildingId && buildingId !== unit.buildingId) throw mismatch('buildingId', 'the unit is in another building');
    if (propertyId && propertyId !== unit.propertyId) throw mismatch('propertyId', 'the unit belongs to another property');
    return { propertyId: unit.propertyId, buildingId: unit.buildingId, unitId };
  }
  if (buildingId) {
    const building = await new OrgScopedRepository(BuildingEntity, manager).findById(organizationId, buildingId);
    if (!building) throw notFound('Building', buildingId);
    if (propertyId && propertyId !== building.propertyId) throw mismatch('propertyId', 'the building belongs to another property');
    propertyId = building.propertyId;
    buildingId = building.id;
  } else if (propertyId && !(await new OrgScopedRepository(PropertyEntity, manager).exists(organizationId, { id: propertyId }))) {
    throw notFound('Property', propertyId);
  }
  return { propertyId: propertyId ?? null, buildingId: buildingId ?? null, unitId: null };
}

/**
 * The links after an update: given fields replace the old ones, and a changed level clears the
 * levels below it unless they are given too (moving a document to another property drops its unit).
 */
export function mergeLinks(current: PortfolioLinks, changes: { [K in keyof PortfolioLinks]?: string | null }): PortfolioLinks {
  const merged = { ...current };
  if (changes.propertyId !== undefined) {
    merged.propertyId = changes.propertyId;
    if (changes.propertyId !== current.propertyId) Object.assign(merged, { buildingId: null, unitId: null });
  }
  if (changes.buildingId !== undefined) {
    merged.buildingId = changes.buildingId;
    if (changes.buildingId !== current.buildingId) merged.unitId = null;
  }
  if (changes.unitId !== undefined) merged.unitId = changes.unitId;
  return merged;
}

function mismatch(field: string, reason: string) {
  return validationFailed([{ field, message: `${field} does not match: ${reason}` }]);
}
