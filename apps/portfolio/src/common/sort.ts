import { SortField } from '@quartier/contracts-shared';

export interface OrderBy {
  /** A column expression from the allow-list, never user input. */
  column: string;
  direction: 'ASC' | 'DESC';
}

/** Maps allow-listed sort fields onto their columns; `fallback` applies when no sort is given. */
export function toColumns(fields: SortField[], allowed: Readonly<Record<string, string>>, fallback: OrderBy[]): OrderBy[] {
  if (fields.length === 0) return fallback;
  return fields.map((part) => ({ column: allowed[part.field], direction: part.direction }));
}
