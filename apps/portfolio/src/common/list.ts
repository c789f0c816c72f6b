import { SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import { MAX_PAGE_SIZE, Page, pageOf } from '@quartier/contracts-shared';
import { allowListedSort } from '@quartier/messaging';
import { OrderBy, toColumns } from './sort';

export const DEFAULT_PAGE_SIZE = 20;

export interface ListRequest {
  page?: number;
  size?: number;
  sort?: string;
}

/** The allow-listed order, or 422 naming the unknown sort fields. */
export function orderFor(request: ListRequest, allowed: Readonly<Record<string, string>>, fallback: OrderBy[]): OrderBy[] {
  return toColumns(allowListedSort(request.sort, Object.keys(allowed)), allowed, fallback);
}

/**
 * Runs one query for a page of rows and the total (`COUNT(*) OVER()`), so a list costs a single
 * round trip. Only a page past the end needs a second query for the total.
 */
export async function fetchPage<T extends ObjectLiteral, R>(
  query: SelectQueryBuilder<T>,
  request: ListRequest,
  order: OrderBy[],
  idColumn: string,
  toResponse: (row: T) => R,
): Promise<Page<R>> {
  const page = request.page ?? 1;
  const size = Math.min(request.size ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  order.forEach((part, index) => (index === 0 ? query.orderBy(part.column, part.direction) : query.addOrderBy(part.column, part.direction)));
  // A unique tie-breaker keeps pages stable when sort values repeat.
  query.addOrderBy(idColumn, 'ASC');
  const { entities, raw } = await query
    .addSelect('COUNT(*) OVER()', 'total_count')
    .limit(size)
    .offset((page - 1) * size)
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
