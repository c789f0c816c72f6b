import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { FieldError } from './errors';
import { Optional } from './optional.decorator';

/** `?size=` when absent, and its ceiling (ARCHITECTURE §7). */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/**
 * Highest `?page=`: `page=1e308` is an integer to JavaScript and would reach SQL as `OFFSET Infinity`
 * (or beyond bigint); this keeps every offset within a Postgres integer.
 */
export const MAX_PAGE = 100_000;

/** `?page=&size=&sort=field,-other` as every list endpoint accepts it. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  size?: number;

  @ApiPropertyOptional({ description: 'Comma-separated fields, `-` for descending, e.g. `city,-createdAt`' })
  @Optional()
  @IsString()
  @Matches(/^-?[a-zA-Z]+(,-?[a-zA-Z]+)*$/, { message: 'sort must be a comma-separated list of fields, optionally prefixed with -' })
  sort?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  size: number;
  pages: number;
}

export interface SortField {
  field: string;
  direction: 'ASC' | 'DESC';
}

/** Parses `city,-createdAt`; unknown fields are rejected by the caller against its allow-list. */
export function parseSort(sort: string | undefined): SortField[] {
  if (!sort) return [];
  return sort.split(',').map((part) =>
    part.startsWith('-') ? { field: part.slice(1), direction: 'DESC' } : { field: part, direction: 'ASC' },
  );
}

/** Sort fields not on the allow-list, as the one field error every list endpoint reports (→ 422). */
export function unknownSortFields(fields: SortField[], allowed: readonly string[]): FieldError | undefined {
  const unknown = fields.filter((part) => !allowed.includes(part.field)).map((part) => part.field);
  if (unknown.length === 0) return undefined;
  return { field: 'sort', message: `cannot sort by ${unknown.join(', ')}; allowed: ${allowed.join(', ')}` };
}

export interface PageParams {
  page: number;
  size: number;
  /** Rows before the page: `(page - 1) * size`. */
  offset: number;
}

/** The page a list request asks for, with the defaults every list shares. */
export function pageParams(query: { page?: number; size?: number }): PageParams {
  const page = query.page ?? 1;
  const size = Math.min(query.size ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  return { page, size, offset: (page - 1) * size };
}

/**
 * The requested order, else `fallback` (a sort expression such as `-createdAt`), always ending in
 * `idField`: rows with equal sort values then keep their place, so pages neither repeat nor skip them.
 */
export function stableOrder(fields: readonly SortField[], fallback: string, idField = 'id'): SortField[] {
  const order = fields.length > 0 ? [...fields] : parseSort(fallback);
  return order.some((part) => part.field === idField) ? order : [...order, { field: idField, direction: 'ASC' }];
}

/** `{ field: direction }` in sort order, the shape ORM find options take. */
export function orderRecord(order: readonly SortField[]): Record<string, 'ASC' | 'DESC'> {
  return Object.fromEntries(order.map((part) => [part.field, part.direction]));
}

export function pageOf<T>(items: T[], total: number, page: number, size: number): Page<T> {
  return { items, total, page, size, pages: Math.ceil(total / size) };
}
