/** Value lists of the portfolio domain; the gateway documents them as OpenAPI enums. */
export const PROPERTY_TYPES = [
  'apartment_building',
  'house',
  'single_family_house',
  'multi_family_house',
  'condominium',
  'commercial',
  'mixed_use',
  'land',
  'office',
  'retail',
  'industrial',
  'parking',
  'other',
] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];

export const PROPERTY_STATUSES = ['active', 'for_sale', 'for_rent', 'reserved', 'sold', 'rented', 'inactive', 'archived'] as const;
export type PropertyStatus = (typeof PROPERTY_STATUSES)[number];

export const PROPERTY_CONDITIONS = [
  'first_occupancy',
  'new_building',
  'mint',
  'renovated',
  'modernized',
  'good',
  'well_kept',
  'needs_renovation',
  'dilapidated',
] as const;
export type PropertyCondition = (typeof PROPERTY_CONDITIONS)[number];

export const ENERGY_CERTIFICATE_TYPES = ['consumption', 'demand'] as const;
export type EnergyCertificateType = (typeof ENERGY_CERTIFICATE_TYPES)[number];

/** German energy efficiency classes (GEG 2020). */
export const ENERGY_CLASSES = ['A+', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;
export type EnergyClass = (typeof ENERGY_CLASSES)[number];

export const ENERGY_SOURCES = [
  'gas',
  'oil',
  'district_heating',
  'electricity',
  'heat_pump',
  'solar',
  'wood',
  'pellets',
  'geothermal',
  'coal',
  'other',
] as const;
export type EnergySource = (typeof ENERGY_SOURCES)[number];

export const HEATING_TYPES = [
  'central',
  'floor',
  'district',
  'self_contained_central',
  'gas_floor',
  'heat_pump',
  'stove',
  'electric',
  'none',
  'other',
] as const;
export type HeatingType = (typeof HEATING_TYPES)[number];

export const UNIT_TYPES = ['apartment', 'commercial', 'parking', 'storage', 'office'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export const UNIT_STATUSES = ['vacant', 'occupied', 'reserved', 'maintenance', 'unavailable'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];

/** Lowest floor a unit may be on (basements, underground parking). */
export const MIN_UNIT_FLOOR = -5;
