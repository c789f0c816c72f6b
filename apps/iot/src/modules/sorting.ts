import { allowListedSort } from '@quartier/messaging';

/** `?sort=name,-createdAt` against an allow-list of API field → column; unknown fields are a 422. */
export function sortOrder(sort: string | undefined, allowed: Record<string, string>, fallback: [string, 'ASC' | 'DESC']): [string, 'ASC' | 'DESC'][] {
  const fields = allowListedSort(sort, Object.keys(allowed));
  return fields.length > 0 ? fields.map((field) => [allowed[field.field], field.direction]) : [fallback];
}
