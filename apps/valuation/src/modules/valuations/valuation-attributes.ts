import type { FieldError } from '@quartier/contracts-shared';
import type { PropertyCondition, PropertyResponse, UnitResponse } from '@quartier/contracts-portfolio';
import type { PropertyAttributesDto } from '@quartier/contracts-valuation';
import { ImputableAttribute, PropertyAttributes } from '../models/avm.types';

/** Portfolio's condition words on the 1 (poor) – 5 (very good) scale of the market data. */
const CONDITION_SCORES: Record<PropertyCondition, number> = {
  first_occupancy: 5,
  new_building: 5,
  mint: 5,
  renovated: 4,
  modernized: 4,
  good: 4,
  well_kept: 3,
  needs_renovation: 2,
  dilapidated: 1,
};

/** Where the attributes came from, for telling the caller where to add what is missing. */
export type AttributeSource = { kind: 'property'; id: string } | { kind: 'unit'; id: string } | { kind: 'request' };

/** What portfolio knows about a property: living area, plot, storeys, age, condition, location. */
export function propertyAttributes(property: PropertyResponse): PropertyAttributesDto {
  return compact({
    livingArea: property.livingArea,
    lotArea: property.plotArea,
    floors: property.floors,
    yearBuilt: property.yearBuilt,
    condition: property.condition ? CONDITION_SCORES[property.condition] : null,
    coordinates: property.coordinates,
    postalCode: property.address.postalCode,
  });
}

/**
 * A unit: its own area, bedrooms and bathrooms; age, condition and location from its property.
 * The property's plot and storeys describe the whole building, not the unit, so they are left out.
 */
export function unitAttributes(unit: UnitResponse, property: PropertyResponse): PropertyAttributesDto {
  const building = propertyAttributes(property);
  return compact({
    yearBuilt: building.yearBuilt,
    condition: building.condition,
    coordinates: building.coordinates,
    postalCode: building.postalCode,
    livingArea: unit.area,
    bedrooms: unit.bedrooms,
    bathrooms: unit.bathrooms,
  });
}

const REQUIRED = ['livingArea', 'yearBuilt', 'coordinates'] as const;

/**
 * The request's attributes over portfolio's, as the models take them; or the missing required
 * ones (living area, year built, coordinates) with where to add them.
 */
export function resolveAttributes(
  request: PropertyAttributesDto,
  known: PropertyAttributesDto,
  source: AttributeSource,
): { attributes: PropertyAttributes } | { missing: FieldError[] } {
  const merged: PropertyAttributesDto = { ...known, ...compact(request) };
  const missing = REQUIRED.filter((field) => merged[field] === undefined);
  if (missing.length > 0 || !merged.livingArea || !merged.yearBuilt || !merged.coordinates) {
    const where = source.kind === 'request' ? 'send it in the request' : `set it on ${source.kind} ${source.id} in portfolio or send it in the request`;
    return { missing: missing.map((field) => ({ field, message: `${field} is needed for a valuation: ${where}` })) };
  }
  return {
    attributes: {
      livingAreaM2: merged.livingArea,
      lotAreaM2: merged.lotArea,
      bedrooms: merged.bedrooms,
      bathrooms: merged.bathrooms,
      floors: merged.floors,
      waterfront: merged.waterfront,
      view: merged.view,
      condition: merged.condition,
      grade: merged.qualityGrade,
      yearBuilt: merged.yearBuilt,
      yearRenovated: merged.yearRenovated,
      lat: merged.coordinates.lat,
      lon: merged.coordinates.lng,
      postalCode: merged.postalCode,
    },
  };
}

/** The API's names of attributes the models assumed. */
export function apiAttributeName(name: ImputableAttribute | 'postalCode'): string {
  return name === 'lotAreaM2' ? 'lotArea' : name === 'grade' ? 'qualityGrade' : name;
}

/** Drops null and undefined so that only stated attributes override. */
function compact<T extends object>(value: { [K in keyof T]: T[K] | null | undefined }): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== null && entry !== undefined)) as T;
}
