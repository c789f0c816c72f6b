import { parseSort } from '@quartier/contracts-shared';
import { validationFailed } from '@quartier/messaging';

/** `?sort=name,-createdAt` against an allow-list of API field → column; unknown fields are a 422. */
export function sortOrder(sort: string | undefined, allowed: Record<string, string>, fallback: [string, 'ASC' | 'DESC']): [string, 'ASC' | 'DESC'][] {
  const fields = parseSort(sort);
  const unknown = fields.filter((field) => !(field.field in allowed));
  if (unknown.length > 0) {
    throw validationFailed(unknown.map((field) => ({ field: 'sort', message: `cannot sort by ${field.field}; allowed: ${Object.keys(allowed).join(', ')}` })));
  }
  return fields.length > 0 ? fields.map((field) => [allowed[field.field], field.direction]) : [fallback];
}
