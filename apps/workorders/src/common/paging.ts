import { isResidentOnly as isResidentRole } from '@quartier/auth';
import { Caller, PageQueryDto } from '@quartier/contracts-shared';
import { allowListedSort } from '@quartier/messaging';

export interface PageParams {
  page: number;
  size: number;
}

export function pageParams(query: PageQueryDto): PageParams {
  return { page: query.page ?? 1, size: query.size ?? 20 };
}

/** `?sort=` against an allow-list of entity properties; an unknown field is a 422. */
export function sortOrder(
  sort: string | undefined,
  allowed: readonly string[],
  fallback: Record<string, 'ASC' | 'DESC'>,
): Record<string, 'ASC' | 'DESC'> {
  const fields = allowListedSort(sort, allowed);
  if (fields.length === 0) return fallback;
  return { ...Object.fromEntries(fields.map((field) => [field.field, field.direction])), id: 'ASC' };
}

/** A resident with no staff role: sees and files only their own requests. */
export function isResidentOnly(caller: Caller): boolean {
  return isResidentRole(caller.roles);
}
