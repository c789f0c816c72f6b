import { SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import { Page, pageOf, pageParams } from '@quartier/contracts-shared';
import { allowListedSort } from '@quartier/messaging';
import { OrderBy } from './sort';

export interface ListRequest {
  page?: number;
  size?: number;
  sort?: string;
}

/**
 * The allow-listed order (API field → column), else `fallback`, ending in `idColumn`; 422 naming
 * the unknown sort fields.
 */
export function orderFor(request: ListRequest, allowed: Readonly<Record<string, string>>, fallback: string, idColumn: string): OrderBy[] {
  const columns: Readonly<Record<string, string>> = { ...allowed, id: idColumn };
  return allowListedSort(request.sort, Object.keys(allowed), fallback).map((part) => ({ column: columns[part.field], direction: part.direction }));
}

/**
 * Runs one query for a page of rows and the total (`COUNT(*) OVER()`), so a list costs a single
 * round trip. Only a page past the end needs a second query for the total.
 */
export async function fetchPage<T extends ObjectLiteral, R>(
  query: SelectQueryBuilder<T>,
  request: ListRequest,
  order: OrderBy[],
  toResponse: (row: T) => R,
): Promise<Page<R>> {
  const { page, size, offset } = pageParams(request);
  order.forEach((part, index) => (index === 0 ? query.orderBy(part.column, part.direction) : query.addOrderBy(part.column, part.direction)));
  const { entities, raw } = await query
    .addSelect('COUNT(*) OVER()', 'total_count')
    .limit(size)
    .offset(offset)
    .getRawAndEntities<{ total_count: string }>();
  const total = raw.length > 0 ? Number(raw[0].total_count) : await countWithoutPaging(query);
  return pageOf(entities.map(toResponse), total, page, size);
}

async function countWithoutPaging<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): Promise<number> {
  return query.clone().orderBy().limit(undefined).offset(undefined).getCount();
}

/** `%` and `_` in a search term are literal characters (used with `ESCAPE '\\'`). */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (char) => `\\${char}`);
}
