import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'pino';
import { PROBLEM_CONTENT_TYPE, retryAfterSeconds, toProblem } from './problem';
import { resolveRequestId } from './request-id';
import './request-state';

/** Every error of every route (and of Fastify itself: 404, 413, 415) leaves as an RFC 9457 problem. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const requestId = request.requestId ?? resolveRequestId(request.headers['x-request-id']);
    const problem = toProblem(exception, requestId);
    if (problem.status >= 500 && problem.code === 'INTERNAL') {
      this.logger.error(
        { requestId, err: exception instanceof Error ? exception : String(exception), url: request.url },
        'Unexpected error while serving a request',
      );
    }
    if (problem.status === 401) reply.header('www-authenticate', 'Bearer');
    // Services say how long to wait (login throttle, password reset, AI budget, bus or database down).
    const retryAfter = retryAfterSeconds(problem);
    if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
    reply.header('x-request-id', requestId).status(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
  }
}
