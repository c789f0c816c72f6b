// The statement portfolio runs for `GET /api/v1/units?size=50` (see apps/portfolio/src/modules/units/unit-list.query.ts):
// the page plus the total in one query, default order newest first. Schema-qualified because the
// bare server has no search_path of its own.
const iso = (column) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const UNITS_PAGE_SQL = `SELECT u.id, u.property_id, u.building_id, u.number, u.floor, u.type, u.area, u.rooms, u.bedrooms,
  u.bathrooms, u.target_rent_cents, u.target_rent_currency, u.status, u.features,
  ${iso('u.created_at')} AS created_at, ${iso('u.updated_at')} AS updated_at, COUNT(*) OVER() AS total
  FROM portfolio.units u WHERE u.organization_id = $1 ORDER BY u.created_at DESC, u.id ASC LIMIT $2 OFFSET $3`;

module.exports = { UNITS_PAGE_SQL };
