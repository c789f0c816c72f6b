/**
 * The fields a partial update sets: `undefined` means "not given", `null` means "clear it". Whether a
 * field may be cleared is decided by its DTO (Optional()/Nullable() in contracts-shared).
 */
export function givenFields<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}
