import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, SortField, parseSort, stableOrder, unknownSortFields } from '@quartier/contracts-shared';
import { validationFailed } from './rpc-errors';

/** Flattens class-validator's nested errors into `{ field: 'address.postalCode', message }`. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
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
