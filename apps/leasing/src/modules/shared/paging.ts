import { FindOptionsOrder } from 'typeorm';
import { allowListedSort } from '@quartier/messaging';

export interface PageParams {
  page: number;
  size: number;
}

export function pageParams(query: { page?: number; size?: number }): PageParams {
  return { page: query.page ?? 1, size: query.size ?? 20 };
}

/** `?sort=` against an allow-list; an unknown field is a 422, not a silent default. */
export function sortOrder<T>(sort: string | undefined, allowed: readonly string[], fallback: FindOptionsOrder<T>): FindOptionsOrder<T> {
  const fields = allowListedSort(sort, allowed);
  if (fields.length === 0) return fallback;
  return Object.fromEntries(fields.map((field) => [field.field, field.direction])) as FindOptionsOrder<T>;
}
