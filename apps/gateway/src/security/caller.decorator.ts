import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { Caller } from '@quartier/contracts-shared';
import { idempotencyKeyOf } from '../platform/idempotency-key';
import '../platform/request-state';

/**
 * The caller forwarded to services: built from the principal, never from the request body. It
 * carries the Idempotency-Key of a mutating request: a route whose change takes several calls
 * (uploads) leaves it off all but the call that makes the change.
 */
export function callerOf(request: FastifyRequest): Caller {
  const principal = request.principal;
  const idempotencyKey = idempotencyKeyOf(request);
  return {
    requestId: request.requestId,
    organizationId: principal?.organizationId,
    userId: principal?.userId,
    roles: principal?.roles ?? [],
    scopes: principal?.scopes ?? [],
    traceparent: request.traceparent,
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
  };
}

export const RequestCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller =>
  callerOf(context.switchToHttp().getRequest<FastifyRequest>()),
);
