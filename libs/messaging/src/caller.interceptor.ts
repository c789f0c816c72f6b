import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { NatsContext } from '@nestjs/microservices';
import { Observable } from 'rxjs';
import { runWithContext } from '@quartier/observability';
import { provenCaller } from './caller-headers';

/** Puts the caller of a NATS request into the async request context, so logs carry it. */
@Injectable()
export class CallerContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const caller = provenCaller(context.switchToRpc().getContext<NatsContext>().getHeaders());
    const requestContext = { requestId: caller.requestId, organizationId: caller.organizationId, userId: caller.userId };
    return new Observable((subscriber) => runWithContext(requestContext, () => next.handle().subscribe(subscriber)));
  }
}
