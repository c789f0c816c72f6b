import { EntityManager } from 'typeorm';
import type { PropertyType, UnitType } from '@quartier/contracts-portfolio';
import type { Listing } from './search-profile';

/** Properties that are off the market, so their vacant units are not offered either. */
const OFF_MARKET = ['sold', 'inactive', 'archived'];

interface UnitRow {
  unit_id: string;
  property_id: string;
  number: string;
  unit_type: UnitType;
  area: number;
  rooms: number | null;
  rent_cents: string | null;
  rent_currency: string | null;
  property_name: string;
  property_type: PropertyType;
  postal_code: string;
  city: string;
}

interface PropertyRow {
  property_id: string;
  property_name: string;
  property_type: PropertyType;
  postal_code: string;
  city: string;
  living_area: number | null;
  rooms: number | null;
  price_cents: string | null;
  price_currency: string | null;
}

/**
 * What the organization can offer now: vacant units to rent (at their target rent) and properties
 * for sale (at their current value as the asking price). Read from portfolio's own tables.
 */
export async function loadListings(manager: EntityManager, organizationId: string): Promise<Listing[]> {
  const units = await manager.query<UnitRow[]>(
    `SELECT u.id AS unit_id, u.property_id, u.number, u.type AS unit_type, u.area, u.rooms,
            u.target_rent_cents AS rent_cents, u.target_rent_currency AS rent_currency,
            p.name AS property_name, p.type AS property_type, p.postal_code, p.city
       FROM units u JOIN properties p ON p.id = u.property_id AND p.organization_id = u.organization_id
      WHERE u.organization_id = $1 AND u.status = 'vacant' AND p.status <> ALL($2)`,
    [organizationId, OFF_MARKET],
  );
  const properties = await manager.query<PropertyRow[]>(
    `SELECT id AS property_id, name AS property_name, type AS property_type, postal_code, city, living_area, rooms,
            current_value_cents AS price_cents, current_value_currency AS price_currency
       FROM properties WHERE organization_id = $1 AND status = 'for_sale'`,
    [organizationId],
  );
  return [...units.map(unitListing), ...properties.map(propertyListing)];
}

function unitListing(row: UnitRow): Listing {
  return {
    kind: 'unit',
    purpose: 'rent',
    propertyId: row.property_id,
    unitId: row.unit_id,
    title: `${row.property_name} · ${row.number}`,
    propertyType: row.property_type,
    unitType: row.unit_type,
    postalCode: row.postal_code,
    city: row.city,
    area: row.area,
    rooms: row.rooms,
    priceCents: row.rent_cents === null ? null : Number(row.rent_cents),
    currency: row.rent_currency,
  };
}

function propertyListing(row: PropertyRow): Listing {
  return {
    kind: 'property',
    purpose: 'buy',
    propertyId: row.property_id,
    unitId: null,
    title: row.property_name,
    propertyType: row.property_type,
    unitType: null,
    postalCode: row.postal_code,
    city: row.city,
    area: row.living_area,
    rooms: row.rooms,
    priceCents: row.price_cents === null ? null : Number(row.price_cents),
    currency: row.price_currency,
  };
}

/**
 * A fingerprint of the organization's inventory: any unit or property created, changed or deleted
 * changes a count or the latest `updated_at`, so scores computed against another one are stale.
 */
export async function inventoryVersion(manager: EntityManager, organizationId: string): Promise<string> {
  const [row] = await manager.query<{ version: string }[]>(
    `SELECT (SELECT count(*) || '@' || coalesce(max(updated_at)::text, '-') FROM units WHERE organization_id = $1)
            || '|' ||
            (SELECT count(*) || '@' || coalesce(max(updated_at)::text, '-') FROM properties WHERE organization_id = $1) AS version`,
    [organizationId],
  );
  return row.version;
}
