import { FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'pino';
import { AUDIT_RECORDED_EVENT, AuditRecordedPayload } from '@quartier/contracts-shared';
import { OutboxWriter } from '@quartier/db';
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

/**
 * Records audit events in the gateway's outbox; its relay publishes them to JetStream, where
 * identity stores them. While NATS is down they wait in Postgres instead of being lost.
 */
export class AuditPublisher {
  private readonly writes = new Set<Promise<void>>();

  constructor(
    private readonly outbox: OutboxWriter,
    private readonly logger: Logger,
  ) {}

  /** Resolves once the entry is in the outbox; a failed write never fails the response, it is logged in full. */
  record(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const payload = auditPayload(request, reply);
    if (!payload || !request.principal) return Promise.resolve();
    const write = this.outbox.add(request.principal.organizationId, AUDIT_RECORDED_EVENT, payload)
      .then(() => undefined)
      .catch((error: Error) => this.logger.error({ requestId: payload.requestId, err: error, audit: payload }, 'Audit event could not be recorded'))
      .finally(() => this.writes.delete(write));
    this.writes.add(write);
    return write;
  }

  /** Waits for the writes under way, so a shutdown does not cut them off. */
  async settle(): Promise<void> {
    await Promise.all([...this.writes]);
  }
}
