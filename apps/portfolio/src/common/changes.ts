import { FieldError } from '@quartier/contracts-shared';

/**
 * The fields a partial update sets: `undefined` means "not given", `null` means "clear it".
 * Clearing a required field is a validation error.
 */
export function givenFields<T extends object>(changes: T, required: readonly (keyof T)[]): { fields: Partial<T>; errors: FieldError[] } {
  const fields: Partial<T> = {};
  const errors: FieldError[] = [];
  for (const key of Object.keys(changes) as (keyof T)[]) {
    const value = changes[key];
    if (value === undefined) continue;
    if (value === null && required.includes(key)) {
      errors.push({ field: String(key), message: `${String(key)} cannot be cleared` });
      continue;
    }
    fields[key] = value;
  }
  return { fields, errors };
}
