import { RpcException } from '@nestjs/microservices';
import { CommonErrorCode, FieldError, RpcErrorBody } from '@quartier/contracts-shared';

/** A failed call to another service, as the caller sees it. */
export class RpcError extends Error {
  constructor(readonly body: RpcErrorBody) {
    super(body.message);
    this.name = 'RpcError';
  }

  get status(): number {
    return this.body.status;
  }

  get code(): string {
    return this.body.code;
  }
}

/** Thrown by handlers: becomes an RFC 9457 problem at the gateway. */
export function rpcError(status: number, code: string, message: string, details?: Record<string, unknown>): RpcException {
  return new RpcException({ status, code, message, ...(details ? { details } : {}) } satisfies RpcErrorBody);
}

export function notFound(entity: string, id?: string): RpcException {
  return rpcError(404, CommonErrorCode.NOT_FOUND, id ? `${entity} ${id} not found` : `${entity} not found`);
}

export function conflict(message: string, details?: Record<string, unknown>): RpcException {
  return rpcError(409, CommonErrorCode.CONFLICT, message, details);
}

export function validationFailed(errors: FieldError[], message = 'The request is invalid'): RpcException {
  return new RpcException({ status: 422, code: CommonErrorCode.VALIDATION_FAILED, message, errors } satisfies RpcErrorBody);
}

export function forbidden(message = 'You are not allowed to do this'): RpcException {
  return rpcError(403, CommonErrorCode.FORBIDDEN, message);
}
