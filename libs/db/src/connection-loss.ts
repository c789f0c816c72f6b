/** Socket failures of the database connection: the server went away or cannot be reached. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * SQLSTATEs of a lost or refused session: 57P01 admin_shutdown (pg_terminate_backend), 57P02
 * crash_shutdown, 57P03 cannot_connect_now (starting up, shutting down), 53300 too_many_connections,
 * and class 08 (connection exception).
 */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** Messages pg and pg-pool give the same failures without a code. */
const MESSAGES = [
  /^Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error and is not queryable/i,
  /Client was closed and is not queryable/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

/**
 * TypeORM releases a query runner whose connection failed; the next statement of that transaction
 * then throws this instead of the connection error.
 */
const RELEASED_RUNNER = 'QueryRunnerAlreadyReleasedError';

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/**
 * Whether `error` (or the driver error, cause or aggregate inside it: TypeORM and Node wrap them)
 * means the database connection was lost or could not be had. Such a request was not the caller's
 * fault and may be repeated once the pool has reconnected: it answers 503, never 500.
 */
export function isDatabaseConnectionLoss(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const { name, code, message, driverError, cause, errors } = error as ErrorShape;
  if (name === RELEASED_RUNNER) return true;
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  if (typeof message === 'string' && MESSAGES.some((pattern) => pattern.test(message))) return true;
  const inner = [driverError, cause, ...(Array.isArray(errors) ? (errors as unknown[]) : [])];
  return inner.some((candidate) => candidate !== error && isDatabaseConnectionLoss(candidate, depth + 1));
}
