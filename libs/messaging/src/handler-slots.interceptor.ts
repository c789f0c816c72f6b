import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { NatsContext } from '@nestjs/microservices';
import pLimit from 'p-limit';
import { Observable, Subscription, finalize } from 'rxjs';
import { CommonErrorCode } from '@quartier/contracts-shared';
import { Metrics } from '@quartier/observability';
import { provenCaller } from './caller-headers';
import { deadlinePassed, isPastDeadline } from './deadline';
import { rpcError } from './rpc-errors';

/** How many NATS handlers of one process run at once, and how many requests may wait for one. */
export interface HandlerSlotLimits {
  maxConcurrent: number;
  maxQueued: number;
}

/**
 * Runs at most `maxConcurrent` NATS handlers of this process at a time; up to `maxQueued` more
 * wait here, in arrival order, instead of in the Postgres pool's queue, and any beyond are
 * answered 503 at once (the gateway adds Retry-After). When a waiting request's turn comes after
 * its caller's deadline, its handler never runs: it is answered 504. Both are counted in
 * `quartier_rpc_dropped_total`, so a flood's backlog is drained without doing its work.
 */
@Injectable()
export class HandlerSlotsInterceptor implements NestInterceptor {
  private readonly limit: pLimit.Limit;

  constructor(
    private readonly limits: HandlerSlotLimits,
    private readonly metrics: Metrics,
  ) {
    this.limit = pLimit(limits.maxConcurrent);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const natsContext = context.switchToRpc().getContext<NatsContext>();
    const { deadline } = provenCaller(natsContext.getHeaders());
    const subject = natsContext.getSubject();
    // Nest subscribes when it sends the answer: the queue is looked at then, in arrival order.
    return new Observable((subscriber) => {
      if (this.limit.activeCount >= this.limits.maxConcurrent && this.limit.pendingCount >= this.limits.maxQueued) {
        this.metrics.rpcDropped.inc({ subject, reason: 'busy' });
        subscriber.error(rpcError(503, CommonErrorCode.SERVICE_UNAVAILABLE, 'The service is busy; retry shortly'));
        return undefined;
      }
      let handling: Subscription | undefined;
      void this.limit(
        () =>
          new Promise<void>((release) => {
            if (subscriber.closed) return release();
            if (isPastDeadline(deadline, Date.now())) {
              this.metrics.rpcDropped.inc({ subject, reason: 'deadline' });
              subscriber.error(deadlinePassed());
              return release();
            }
            handling = next.handle().pipe(finalize(release)).subscribe(subscriber);
          }),
      );
      return () => handling?.unsubscribe();
    });
  }
}
