import { unitCountQuery, unitListQuery } from './unit-list.query';

const org = '5f0c8a4e-8a43-4d8e-9c61-1a1b6f1d2c3e';
// As orderFor hands it over: the id column is already the last key.
const newestFirst = [
  { column: 'u.created_at', direction: 'DESC' as const },
  { column: 'u.id', direction: 'ASC' as const },
];

describe('unit list query', () => {
  it('always filters by the organization and pages with parameters', () => {
    const { sql, params } = unitListQuery(org, {}, newestFirst, 3, 50);
    expect(sql).toMatch(/WHERE u\.organization_id = \$1 ORDER BY u\.created_at DESC, u\.id ASC LIMIT \$2 OFFSET \$3$/);
    expect(sql).toContain('COUNT(*) OVER() AS total_count');
    expect(params).toEqual([org, 50, 100]);
  });

  it('adds each given filter as a parameter, never inlined', () => {
    const { sql, params } = unitListQuery(org, { status: 'vacant', minRent: 50000, rooms: 2.5, buildingId: "x' OR 1=1" }, newestFirst, 1, 20);
    expect(sql).toContain('u.organization_id = $1 AND u.building_id = $2 AND u.status = $3 AND u.target_rent_cents >= $4 AND u.rooms = $5');
    expect(sql).not.toContain('OR 1=1');
    expect(params).toEqual([org, "x' OR 1=1", 'vacant', 50000, 2.5, 20, 0]);
  });

  it('counts with the same conditions and parameters, without paging', () => {
    const list = unitListQuery(org, { type: 'office' }, [{ column: 'u.area', direction: 'ASC' }], 9, 10);
    expect(unitCountQuery(list)).toEqual({
      sql: 'SELECT count(*)::int AS total FROM units u WHERE u.organization_id = $1 AND u.type = $2',
      params: [org, 'office'],
    });
  });
});
