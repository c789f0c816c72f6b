import { FastifyRequest } from 'fastify';
import { Caller, CallerHeader, CommonErrorCode, IDEMPOTENCY_KEY_RULE, isValidIdempotencyKey } from '@quartier/contracts-shared';
import { ProblemException } from './problem';

/** The header's documented spelling (HTTP headers are read case-insensitively). */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The client's Idempotency-Key of a mutating request, checked here (422 when it is not 1–255
 * visible ASCII characters) and forwarded to the service, which stores the answer under it.
 * Reads never carry one: they are safe to repeat.
 */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  if (!MUTATING.has(request.method)) return undefined;
  const value = request.headers[CallerHeader.IDEMPOTENCY_KEY];
  if (value === undefined) return undefined;
  const key = Array.isArray(value) ? undefined : value;
  if (key === undefined || !isValidIdempotencyKey(key)) {
    throw new ProblemException(422, CommonErrorCode.VALIDATION_FAILED, 'The request is invalid', [
      { field: IDEMPOTENCY_KEY_HEADER, message: Array.isArray(value) ? 'Idempotency-Key must be sent once' : IDEMPOTENCY_KEY_RULE },
    ]);
  }
  return key;
}

/**
 * The caller without its key, for a route whose change takes several calls with per-attempt
 * payloads (a multipart upload staged chunk by chunk): the same key on each would be refused as
 * reused for another request.
 */
export function withoutIdempotencyKey(caller: Caller): Caller {
  const rest = { ...caller };
  delete rest.idempotencyKey;
  return rest;
}
