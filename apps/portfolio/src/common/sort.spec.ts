import { resolveSort } from './sort';

const allowed = { city: 'p.city', createdAt: 'p.created_at' };
const fallback = [{ column: 'p.created_at', direction: 'DESC' as const }];

describe('sort allow-list', () => {
  it('maps fields to columns with their direction', () => {
    expect(resolveSort('city,-createdAt', allowed, fallback)).toEqual({
      ok: true,
      order: [
        { column: 'p.city', direction: 'ASC' },
        { column: 'p.created_at', direction: 'DESC' },
      ],
    });
  });

  it('falls back to the default order when no sort is given', () => {
    expect(resolveSort(undefined, allowed, fallback)).toEqual({ ok: true, order: fallback });
    expect(resolveSort('', allowed, fallback)).toEqual({ ok: true, order: fallback });
  });

  it('reports every unknown field, including prototype names', () => {
    expect(resolveSort('city,-password,constructor', allowed, fallback)).toEqual({ ok: false, unknown: ['password', 'constructor'] });
  });
});
