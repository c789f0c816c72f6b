import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE,
  MAX_PAGE_SIZE,
  PageQueryDto,
  orderRecord,
  pageOf,
  pageParams,
  parseSort,
  stableOrder,
  unknownSortFields,
} from './pagination';

/** The properties a query string fails on, as the edge and the services validate it. */
function invalidQueryFields(query: Record<string, string>): string[] {
  return validateSync(plainToInstance(PageQueryDto, query)).map((error) => error.property);
}

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

  it('refuses pages and sizes that could not become a SQL offset (1e308, beyond bigint) or are not whole', () => {
    expect(invalidQueryFields({ page: String(MAX_PAGE), size: String(MAX_PAGE_SIZE) })).toEqual([]);
    expect(invalidQueryFields({ page: '1e308' })).toEqual(['page']);
    expect(invalidQueryFields({ page: '99999999999999999999' })).toEqual(['page']);
    expect(invalidQueryFields({ page: String(MAX_PAGE + 1) })).toEqual(['page']);
    expect(invalidQueryFields({ page: 'Infinity', size: '1e2' })).toEqual(['page']);
    expect(invalidQueryFields({ size: '0.5' })).toEqual(['size']);
    expect(pageParams({ page: MAX_PAGE, size: MAX_PAGE_SIZE }).offset).toBeLessThan(2 ** 31);
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
