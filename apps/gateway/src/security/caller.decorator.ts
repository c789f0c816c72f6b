import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { Caller } from '@quartier/contracts-shared';
import '../platform/request-state';

/** The caller forwarded to services: built from the principal, never from the request body. */
export function callerOf(request: FastifyRequest): Caller {
  const principal = request.principal;
  return {
    requestId: request.requestId,
    organizationId: principal?.organizationId,
    userId: principal?.userId,
    roles: principal?.roles ?? [],
    scopes: principal?.scopes ?? [],
    traceparent: request.traceparent,
  };
}

export const RequestCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller =>
  callerOf(context.switchToHttp().getRequest<FastifyRequest>()),
);
