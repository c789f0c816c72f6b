import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, orderRecord, pageOf, pageParams, parseSort, stableOrder, unknownSortFields } from './pagination';

describe('pagination', () => {
  it('parses sort expressions with direction', () => {
    expect(parseSort('city,-createdAt')).toEqual([
      { field: 'city', direction: 'ASC' },
      { field: 'createdAt', direction: 'DESC' },
    ]);
    expect(parseSort(undefined)).toEqual([]);
  });

  it('names sort fields outside the allow-list', () => {
    expect(unknownSortFields(parseSort('city,-createdAt'), ['city', 'createdAt'])).toBeUndefined();
    expect(unknownSortFields(parseSort('city,-password,secret'), ['city', 'createdAt'])).toEqual({
      field: 'sort',
      message: 'cannot sort by password, secret; allowed: city, createdAt',
    });
  });

  it('computes the page count', () => {
    expect(pageOf([1, 2], 41, 3, 20)).toEqual({ items: [1, 2], total: 41, page: 3, size: 20, pages: 3 });
    expect(pageOf([], 0, 1, 20).pages).toBe(0);
  });

  it('pages with the shared default size, capped at the maximum', () => {
    expect(pageParams({})).toEqual({ page: 1, size: DEFAULT_PAGE_SIZE, offset: 0 });
    expect(pageParams({ page: 3, size: 10 })).toEqual({ page: 3, size: 10, offset: 20 });
    expect(pageParams({ size: 500 }).size).toBe(MAX_PAGE_SIZE);
  });

  it('ends every order with the id, after the requested fields or the fallback', () => {
    expect(stableOrder(parseSort('city,-createdAt'), '-createdAt')).toEqual([
      { field: 'city', direction: 'ASC' },
      { field: 'createdAt', direction: 'DESC' },
      { field: 'id', direction: 'ASC' },
    ]);
    expect(stableOrder([], '-year,-sequence')).toEqual([
      { field: 'year', direction: 'DESC' },
      { field: 'sequence', direction: 'DESC' },
      { field: 'id', direction: 'ASC' },
    ]);
    expect(stableOrder(parseSort('-id'), 'name')).toEqual([{ field: 'id', direction: 'DESC' }]);
    expect(stableOrder([], 'connectedAt', 'clientId')).toEqual([
      { field: 'connectedAt', direction: 'ASC' },
      { field: 'clientId', direction: 'ASC' },
    ]);
  });

  it('turns an order into the record find options take, keeping its sequence', () => {
    expect(Object.entries(orderRecord(stableOrder(parseSort('-paidOn'), 'name')))).toEqual([
      ['paidOn', 'DESC'],
      ['id', 'ASC'],
    ]);
  });
});
