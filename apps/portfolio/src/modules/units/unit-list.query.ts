import type { UnitQueryDto } from '@quartier/contracts-portfolio';
import type { OrderBy } from '../../common/sort';

export interface SqlQuery {
  sql: string;
  params: unknown[];
}

/** ISO 8601 in UTC with milliseconds, exactly like `Date.prototype.toISOString`, formatted by Postgres. */
const iso = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const SELECT = [
  'u.id',
  'u.property_id',
  'u.building_id',
  'u.number',
  'u.floor',
  'u.type',
  'u.area',
  'u.rooms',
  'u.bedrooms',
  'u.bathrooms',
  'u.target_rent_cents',
  'u.target_rent_currency',
  'u.status',
  'u.features',
  'u.current_lease_id',
  `${iso('u.created_at')} AS created_at`,
  `${iso('u.updated_at')} AS updated_at`,
  'COUNT(*) OVER() AS total_count',
].join(', ');

type Filter = [keyof UnitQueryDto, string];

/** Each filter and its condition; `?` becomes the next parameter. */
const FILTERS: readonly Filter[] = [
  ['propertyId', 'u.property_id = ?'],
  ['buildingId', 'u.building_id = ?'],
  ['status', 'u.status = ?'],
  ['type', 'u.type = ?'],
  ['minRent', 'u.target_rent_cents >= ?'],
  ['maxRent', 'u.target_rent_cents <= ?'],
  ['minArea', 'u.area >= ?'],
  ['maxArea', 'u.area <= ?'],
  ['rooms', 'u.rooms = ?'],
  ['minRooms', 'u.rooms >= ?'],
];

/**
 * The unit list as one statement: the page of rows plus the total (`COUNT(*) OVER()`), always
 * filtered by the organization. Sort columns come from the allow-list, values only as parameters.
 */
export function unitListQuery(organizationId: string, query: UnitQueryDto, order: OrderBy[], page: number, size: number): SqlQuery {
  const params: unknown[] = [organizationId];
  const conditions = ['u.organization_id = $1'];
  for (const [field, condition] of FILTERS) {
    const value = query[field];
    if (value === undefined || value === null) continue;
    params.push(value);
    conditions.push(condition.replace('?', `$${params.length}`));
  }
  params.push(size, (page - 1) * size);
  const orderBy = order.map((part) => `${part.column} ${part.direction}`).join(', ');
  return {
    sql: `SELECT ${SELECT} FROM units u WHERE ${conditions.join(' AND ')} ORDER BY ${orderBy} LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  };
}

/** The total for a page past the end, where the window count has no row to ride on. */
export function unitCountQuery(list: SqlQuery): SqlQuery {
  const where = list.sql.slice(list.sql.indexOf(' WHERE '), list.sql.indexOf(' ORDER BY '));
  return { sql: `SELECT count(*)::int AS total FROM units u${where}`, params: list.params.slice(0, -2) };
}
