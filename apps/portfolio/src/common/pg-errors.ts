import { QueryFailedError } from 'typeorm';

/** Postgres SQLSTATE of a failed query, e.g. 23505 unique violation, 23503 foreign key violation. */
export function pgErrorCode(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const code = (error.driverError as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';
