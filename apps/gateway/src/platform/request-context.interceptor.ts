import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { runWithContext } from '@quartier/observability';
import './request-state';

/** Runs the handler inside the request context, so every log line and service call carries it. */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const requestContext = {
      requestId: request.requestId,
      organizationId: request.principal?.organizationId,
      userId: request.principal?.userId,
    };
    return new Observable((subscriber) => runWithContext(requestContext, () => next.handle().subscribe(subscriber)));
  }
}
