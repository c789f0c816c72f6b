/** Error codes shared by every service. Services add their own codes in their contracts. */
export const CommonErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  PLAN_LIMIT_REACHED: 'PLAN_LIMIT_REACHED',
  SUBSCRIPTION_INACTIVE: 'SUBSCRIPTION_INACTIVE',
  RATE_LIMITED: 'RATE_LIMITED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  UPSTREAM_TIMEOUT: 'UPSTREAM_TIMEOUT',
  INTERNAL: 'INTERNAL',
  /** 422: the Idempotency-Key was first used for another request. */
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  /** 503 with Retry-After: the first request with this Idempotency-Key is still running. */
  IDEMPOTENCY_KEY_IN_USE: 'IDEMPOTENCY_KEY_IN_USE',
} as const;

/** One invalid field of a request. */
export interface FieldError {
  field: string;
  message: string;
}

/** What a service puts into an RpcException; the gateway turns it into an RFC 9457 problem. */
export interface RpcErrorBody {
  code: string;
  status: number;
  message: string;
  details?: Record<string, unknown>;
  errors?: FieldError[];
}

export function isRpcErrorBody(value: unknown): value is RpcErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<RpcErrorBody>;
  return typeof candidate.code === 'string' && typeof candidate.status === 'number' && typeof candidate.message === 'string';
}
