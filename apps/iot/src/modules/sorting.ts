import { allowListedSort } from '@quartier/messaging';

/**
 * `?sort=name,-createdAt` against an allow-list of API field → column, else `fallback`, ending in the
 * id column; unknown fields are a 422.
 */
export function sortOrder(sort: string | undefined, allowed: Readonly<Record<string, string>>, fallback: string): [string, 'ASC' | 'DESC'][] {
  const columns: Readonly<Record<string, string>> = { ...allowed, id: 'id' };
  return allowListedSort(sort, Object.keys(allowed), fallback).map((part) => [columns[part.field], part.direction]);
}
