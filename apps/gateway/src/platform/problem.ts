import { HttpException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { CommonErrorCode, FieldError, RpcErrorBody } from '@quartier/contracts-shared';

/** RFC 9457 problem details as every gateway error is answered. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId: string;
  errors: FieldError[];
  details?: Record<string, unknown>;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** An error raised at the edge that already knows its problem shape. */
export class ProblemException extends HttpException {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    detail: string,
    readonly errors: FieldError[] = [],
    readonly details?: Record<string, unknown>,
  ) {
    super(detail, statusCode);
  }
}

/** Structural check instead of instanceof, so RpcErrors from any copy of the messaging lib are recognised. */
interface RpcErrorLike {
  name: 'RpcError';
  body: RpcErrorBody;
}

interface FrameworkError {
  statusCode?: number;
  status?: number;
  code?: string;
  message?: string;
}

const CODE_BY_STATUS: Record<number, string> = {
  401: CommonErrorCode.UNAUTHENTICATED,
  402: CommonErrorCode.PLAN_LIMIT_REACHED,
  403: CommonErrorCode.FORBIDDEN,
  404: CommonErrorCode.NOT_FOUND,
  409: CommonErrorCode.CONFLICT,
  413: CommonErrorCode.PAYLOAD_TOO_LARGE,
  415: CommonErrorCode.UNSUPPORTED_MEDIA_TYPE,
  422: CommonErrorCode.VALIDATION_FAILED,
  429: CommonErrorCode.RATE_LIMITED,
  503: CommonErrorCode.SERVICE_UNAVAILABLE,
  504: CommonErrorCode.UPSTREAM_TIMEOUT,
};

export function codeForStatus(status: number): string {
  return CODE_BY_STATUS[status] ?? (status >= 500 ? CommonErrorCode.INTERNAL : 'BAD_REQUEST');
}

export function problemType(code: string): string {
  return `urn:problem:quartier:${code.toLowerCase().replace(/_/g, '-')}`;
}

export function buildProblem(
  status: number,
  code: string,
  detail: string,
  requestId: string,
  errors: FieldError[] = [],
  details?: Record<string, unknown>,
): Problem {
  return {
    type: problemType(code),
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    code,
    requestId,
    errors,
    ...(details ? { details } : {}),
  };
}

/** A 503 that names no wait: the bus reconnects within about a second, a database pool as fast. */
export const DEFAULT_RETRY_AFTER_SECONDS = 1;

/**
 * The one rule for `Retry-After` (RFC 9110 §10.2.3): every 503 carries it, and a 429 when the
 * limiter said how long (`details.retryAfterSeconds`, whole seconds, at least 1).
 */
export function retryAfterSeconds(problem: Pick<Problem, 'status' | 'details'>): number | undefined {
  const asked = problem.details?.retryAfterSeconds;
  const seconds = typeof asked === 'number' && Number.isFinite(asked) && asked > 0 ? Math.ceil(asked) : undefined;
  if (problem.status === 503) return seconds ?? DEFAULT_RETRY_AFTER_SECONDS;
  return problem.status === 429 ? seconds : undefined;
}

const INTERNAL_DETAIL = 'Internal server error';

/**
 * Maps anything thrown while serving a request to a problem. Service errors (RpcError) pass through
 * (services already reduce their unexpected failures to a bare 500); framework errors keep their
 * 4xx status; everything else becomes a 500 whose detail never reveals internals.
 */
export function toProblem(error: unknown, requestId: string): Problem {
  if (error instanceof ProblemException) {
    return buildProblem(error.statusCode, error.code, error.message, requestId, error.errors, error.details);
  }
  if (isRpcError(error)) {
    const { status, code, message, errors, details } = error.body;
    return buildProblem(status, code, message, requestId, errors ?? [], details);
  }
  const status = statusOf(error);
  if (status !== undefined && status >= 400 && status < 500) {
    return buildProblem(status, codeForStatus(status), clientMessage(error, status), requestId);
  }
  return buildProblem(500, CommonErrorCode.INTERNAL, INTERNAL_DETAIL, requestId);
}

function isRpcError(error: unknown): error is RpcErrorLike {
  return error instanceof Error && error.name === 'RpcError' && typeof (error as unknown as RpcErrorLike).body === 'object';
}

function statusOf(error: unknown): number | undefined {
  if (error instanceof HttpException) return error.getStatus();
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = error as FrameworkError;
  const status = candidate.statusCode ?? candidate.status;
  return typeof status === 'number' && Number.isInteger(status) ? status : undefined;
}

/** Messages written for clients; Fastify's own codes get wording that does not expose the framework. */
function clientMessage(error: unknown, status: number): string {
  if (status === 413) return 'The request body is too large';
  if (status === 415) return 'The content type of the request is not supported';
  if (error instanceof HttpException) {
    const response = error.getResponse();
    if (typeof response === 'object' && response !== null && 'message' in response) {
      const message = (response as { message: unknown }).message;
      if (typeof message === 'string') return message;
      if (Array.isArray(message)) return message.join('; ');
    }
  }
  const message = (error as FrameworkError).message;
  return typeof message === 'string' && message.length > 0 ? message : (STATUS_CODES[status] ?? 'Bad request');
}
