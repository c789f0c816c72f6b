import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, SortField, parseSort, stableOrder, unknownSortFields } from '@quartier/contracts-shared';
import { validationFailed } from './rpc-errors';

/** Most field errors one answer lists: a body of 50,000 unknown keys must not answer 50,000 entries. */
export const MAX_FIELD_ERRORS = 50;

/** The first `max` errors, then one entry (field `*`) saying how many more were left out. */
export function capFieldErrors(errors: FieldError[], max = MAX_FIELD_ERRORS): FieldError[] {
  if (errors.length <= max) return errors;
  const more = errors.length - max;
  return [...errors.slice(0, max), { field: '*', message: `${more} more error${more === 1 ? '' : 's'} not listed` }];
}

/** Flattens class-validator's nested errors into `{ field: 'address.postalCode', message }`, capped. */
export function flattenValidationErrors(errors: ValidationError[]): FieldError[] {
  const flat: FieldError[] = [];
  const pending = errors.map((error) => ({ error, parent: '' })).reverse();
  // Depth-first in document order, without recursion.
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { error, parent } = next;
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) flat.push({ field, message });
    const children = error.children ?? [];
    for (let i = children.length - 1; i >= 0; i -= 1) pending.push({ error: children[i], parent: field });
  }
  return capFieldErrors(flat);
}

/** Services validate every payload again: they never trust their callers. Unknown fields are rejected. */
export function rpcValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
  });
}

/**
 * `?sort=name,-createdAt` checked against an allow-list of API fields (anything else is a 422), else
 * `fallback`; the order always ends in `id`.
 */
export function allowListedSort(sort: string | undefined, allowed: readonly string[], fallback: string): SortField[] {
  const fields = parseSort(sort);
  const error = unknownSortFields(fields, allowed);
  if (error) throw validationFailed([error]);
  return stableOrder(fields, fallback);
}
