import { pageOf, parseSort, unknownSortFields } from './pagination';

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
});
