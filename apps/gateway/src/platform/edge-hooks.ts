import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'pino';
import { CommonErrorCode } from '@quartier/contracts-shared';
import { Metrics } from '@quartier/observability';
import { Authenticator } from '../security/authenticator';
import { AuditPublisher } from './audit.publisher';
import { PROBLEM_CONTENT_TYPE, buildProblem } from './problem';
import { RateLimiter, rateLimitHeaders, rateLimitKey } from './rate-limit';
import { resolveRequestId, resolveTraceparent } from './request-id';
import './request-state';

/** Probes and scrapers are never throttled. */
const UNTHROTTLED_PATHS = new Set(['/health', '/metrics']);
const DOCS_PATH = /^\/(api\/)?docs(\/|$|-json)/;
/** Swagger UI needs inline styles and data: images; everything else keeps helmet's strict policy. */
const DOCS_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

function pathOf(request: FastifyRequest): string {
  return request.url.split('?')[0];
}

/** Runs first for every request, including unknown routes and bodies that will be rejected. */
export function installRequestIdHook(fastify: FastifyInstance): void {
  fastify.decorateRequest('requestId', '');
  fastify.decorateRequest('traceparent', '');
  fastify.decorateRequest('principal', undefined);
  fastify.decorateRequest('authFailure', undefined);
  fastify.addHook('onRequest', (request, reply, done) => {
    request.requestId = resolveRequestId(request.headers['x-request-id']);
    request.traceparent = resolveTraceparent(request.headers['traceparent']);
    reply.header('x-request-id', request.requestId);
    done();
  });
}

export interface EdgeHookDeps {
  authenticator: Authenticator;
  rateLimiter: RateLimiter;
  audit: AuditPublisher;
  metrics: Metrics;
  logger: Logger;
}

/**
 * Authentication and the rate limit run before the body is read, so a throttled client costs
 * almost nothing and every response (404 and 413 included) carries the X-RateLimit headers.
 */
export function installEdgeHooks(fastify: FastifyInstance, deps: EdgeHookDeps): void {
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const authentication = await deps.authenticator.authenticate(request.headers, request.socket.remoteAddress, request.requestId);
    request.principal = authentication.principal;
    request.authFailure = authentication.failure;
    if (UNTHROTTLED_PATHS.has(pathOf(request))) return;
    let state;
    try {
      state = await deps.rateLimiter.consume(rateLimitKey(request.principal?.userId, request.ip));
    } catch (error) {
      // The limiter's store is down: serve the request rather than fail every client.
      deps.logger.warn({ requestId: request.requestId, err: error }, 'Rate limit store unavailable');
      return;
    }
    reply.headers(rateLimitHeaders(state));
    if (state.retryAfterSeconds !== undefined) {
      const detail = `Rate limit of ${state.limit} requests per minute exceeded; retry in ${state.retryAfterSeconds} s`;
      return reply
        .code(429)
        .type(PROBLEM_CONTENT_TYPE)
        .send(buildProblem(429, CommonErrorCode.RATE_LIMITED, detail, request.requestId));
    }
  });

  fastify.addHook('onSend', async (request, reply, payload) => {
    if (DOCS_PATH.test(pathOf(request))) reply.header('content-security-policy', DOCS_CSP);
    // The audit entry is in the outbox before the client hears of the change, so no acknowledged
    // mutation goes unrecorded if the gateway dies right after answering.
    await deps.audit.record(request, reply);
    return payload;
  });

  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const status = reply.statusCode;
    deps.metrics.httpDuration.observe({ method: request.method, route, status: String(status) }, reply.elapsedTime / 1000);
    deps.logger.info(
      {
        requestId: request.requestId,
        organizationId: request.principal?.organizationId,
        userId: request.principal?.userId,
        method: request.method,
        path: pathOf(request),
        route,
        status,
        durationMs: Math.round(reply.elapsedTime),
      },
      'request completed',
    );
    done();
  });
}
