import { FieldError } from '@quartier/contracts-shared';

/** The ids of a unit as portfolio knows it. */
export interface KnownUnit {
  id: string;
  propertyId: string | null;
}

export type PlacementResult = { ok: true; unitId: string; propertyId: string | null } | { ok: false; errors: FieldError[] };

/**
 * Where a work order for a unit is: the unit's property fills `propertyId`; a `propertyId` that
 * names another property contradicts the unit and is refused. `unit` is undefined when portfolio
 * does not know the unit in the caller's organization.
 */
export function placeInUnit(unitId: string, unit: KnownUnit | undefined, requestedPropertyId?: string | null): PlacementResult {
  if (!unit) {
    return { ok: false, errors: [{ field: 'unitId', message: `unit ${unitId} does not exist in your organization` }] };
  }
  if (requestedPropertyId && unit.propertyId && requestedPropertyId !== unit.propertyId) {
    return { ok: false, errors: [{ field: 'propertyId', message: `propertyId must be the property of unit ${unitId} (${unit.propertyId})` }] };
  }
  return { ok: true, unitId, propertyId: unit.propertyId ?? requestedPropertyId ?? null };
}
