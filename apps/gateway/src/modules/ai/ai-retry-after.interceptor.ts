import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { Observable, catchError, throwError } from 'rxjs';
import { AiErrorCode } from '@quartier/contracts-ai';
import { RpcError } from '@quartier/messaging';

/** The ai service's per-organization budget answers 429 like the gateway's own limit: with Retry-After. */
@Injectable()
export class AiRetryAfterInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        const retryAfter = error instanceof RpcError && error.code === AiErrorCode.AI_RATE_LIMITED ? error.body.details?.retryAfterSeconds : undefined;
        if (typeof retryAfter === 'number') context.switchToHttp().getResponse<FastifyReply>().header('retry-after', String(retryAfter));
        return throwError(() => error);
      }),
    );
  }
}
