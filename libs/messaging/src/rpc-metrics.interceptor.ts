import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { NatsContext } from '@nestjs/microservices';
import { Observable, tap } from 'rxjs';
import { Metrics } from '@quartier/observability';

/** Times every NATS handler into `quartier_rpc_duration_seconds`. */
@Injectable()
export class RpcMetricsInterceptor implements NestInterceptor {
  constructor(private readonly metrics: Metrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const subject = context.switchToRpc().getContext<NatsContext>().getSubject();
    const stop = this.metrics.rpcDuration.startTimer({ subject });
    return next.handle().pipe(
      tap({ next: () => stop({ outcome: 'ok' }), error: () => stop({ outcome: 'error' }) }),
    );
  }
}
