import { FastifyInstance } from 'fastify';
import { CommonErrorCode } from '@quartier/contracts-shared';
import { GatewayConfig } from '../gateway.config';
import { InFlightLimiter, sheddingKey } from './load-shedding';
import { PROBLEM_CONTENT_TYPE, buildProblem, retryAfterSeconds } from './problem';
import './request-state';

/**
 * Connections the kernel holds for the gateway to accept (capped by net.core.somaxconn). Beyond
 * Node's default of 511, a burst of new connections while the event loop is busy had SYNs dropped
 * and waited 1–7 s in retransmits before the first byte was read: shedding could not answer them.
 */
export const LISTEN_BACKLOG = 4096;

/** Probes, scrapers and the long-lived WebSocket never take a slot. */
const UNSHED_PATHS = new Set(['/health', '/metrics', '/api/v1/ws']);

/**
 * Sheds load at the edge: after authentication (the organization decides whose share a request
 * uses) and before the body is read, a request takes an in-flight slot or, after waiting at most
 * MAX_QUEUE_WAIT_MS, is answered 503 with Retry-After. The slot is freed when the response is done
 * or the client went away. MAX_IN_FLIGHT=0 turns shedding off.
 */
export function installLoadShedding(fastify: FastifyInstance, config: GatewayConfig): void {
  if (config.MAX_IN_FLIGHT === 0) return;
  const limiter = new InFlightLimiter({
    maxInFlight: config.MAX_IN_FLIGHT,
    maxInFlightPerKey: config.MAX_IN_FLIGHT_PER_ORG,
    maxQueuedPerKey: config.MAX_QUEUED_PER_ORG,
    maxQueueWaitMs: config.MAX_QUEUE_WAIT_MS,
  });
  fastify.addHook('onRequest', async (request, reply) => {
    if (UNSHED_PATHS.has(request.url.split('?')[0])) return;
    const { principal } = request;
    const release = await limiter.enter(sheddingKey(principal?.organizationId, principal?.userId, request.ip));
    if (release && !request.raw.socket.destroyed) {
      reply.raw.once('close', release);
      return;
    }
    // A client that left while it waited gets nothing sent to a service on its behalf.
    release?.();
    const detail = 'The gateway is at its limit of requests in flight; retry shortly';
    const problem = buildProblem(503, CommonErrorCode.SERVICE_UNAVAILABLE, detail, request.requestId);
    return reply
      .code(503)
      .header('retry-after', String(retryAfterSeconds(problem)))
      .type(PROBLEM_CONTENT_TYPE)
      .send(problem);
  });
}
