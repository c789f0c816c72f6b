import { parseSort } from '@quartier/contracts-shared';

export interface OrderBy {
  /** A column expression from the allow-list, never user input. */
  column: string;
  direction: 'ASC' | 'DESC';
}

export type SortResolution = { ok: true; order: OrderBy[] } | { ok: false; unknown: string[] };

/**
 * Maps `?sort=city,-createdAt` onto columns through an allow-list, so no user input ever reaches
 * SQL. Unknown fields are reported (→ 422); `fallback` applies when no sort is given.
 */
export function resolveSort(sort: string | undefined, allowed: Readonly<Record<string, string>>, fallback: OrderBy[]): SortResolution {
  const requested = parseSort(sort);
  const unknown = requested.filter((part) => !Object.hasOwn(allowed, part.field)).map((part) => part.field);
  if (unknown.length > 0) return { ok: false, unknown };
  if (requested.length === 0) return { ok: true, order: fallback };
  return { ok: true, order: requested.map((part) => ({ column: allowed[part.field], direction: part.direction })) };
}
