import { randomUUID } from 'node:crypto';
import { FastifyReply, FastifyRequest } from 'fastify';
import { NatsConnection } from 'nats';
import { Logger } from 'pino';
import { AUDIT_RECORDED_EVENT, AuditRecordedPayload } from '@quartier/contracts-shared';
import { publishEvent } from '@quartier/messaging';
import './request-state';

const MUTATING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isMutation(method: string): boolean {
  return MUTATING_METHODS.has(method.toUpperCase());
}

/**
 * Who did what, when, with which outcome: one event per mutating request of an authenticated
 * user. Only request metadata is recorded (never the body, query string or headers).
 */
export function auditPayload(request: FastifyRequest, reply: FastifyReply): AuditRecordedPayload | undefined {
  if (!isMutation(request.method) || !request.principal) return undefined;
  return {
    requestId: request.requestId,
    userId: request.principal.userId,
    userEmail: request.principal.email,
    method: request.method,
    path: request.url.split('?')[0],
    route: request.routeOptions.url,
    status: reply.statusCode,
    outcome: reply.statusCode < 400 ? 'success' : 'failure',
    durationMs: Math.round(reply.elapsedTime),
    ip: request.ip,
  };
}

export class AuditPublisher {
  constructor(
    private readonly nats: NatsConnection,
    private readonly prefix: string,
    private readonly logger: Logger,
  ) {}

  /** Fire and forget: the response is already on its way; a lost audit event is logged loudly. */
  record(request: FastifyRequest, reply: FastifyReply): void {
    const payload = auditPayload(request, reply);
    if (!payload || !request.principal) return;
    publishEvent(this.nats, this.prefix, {
      id: randomUUID(),
      type: AUDIT_RECORDED_EVENT,
      organizationId: request.principal.organizationId,
      occurredAt: new Date().toISOString(),
      payload,
    }).catch((error: Error) => this.logger.error({ requestId: payload.requestId, err: error }, 'Audit event could not be published'));
  }
}
