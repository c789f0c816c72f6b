import { ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { RpcException } from '@nestjs/microservices';
import { Observable, throwError } from 'rxjs';
import { CommonErrorCode, RpcErrorBody, isRpcErrorBody } from '@quartier/contracts-shared';
import { isDatabaseConnectionLoss } from '@quartier/db';

/**
 * Every error leaving a NATS handler becomes an `RpcErrorBody`. A lost database connection is a
 * 503 the caller may retry (the pool reconnects by itself); other unexpected errors are logged here
 * and answered as a bare 500, so no stack trace or SQL reaches the caller. Errors of the ops
 * HTTP routes keep Nest's default handling.
 */
@Catch()
export class AllRpcExceptionsFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('RpcExceptions');

  override catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() !== 'rpc') return super.catch(exception, host);
    return throwError(() => this.toBody(exception));
  }

  private toBody(exception: unknown): RpcErrorBody {
    if (exception instanceof RpcException) {
      const error = exception.getError();
      if (isRpcErrorBody(error)) return error;
    }
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      return { status: exception.getStatus(), code: httpCode(exception.getStatus()), message: exception.message };
    }
    if (isDatabaseConnectionLoss(exception)) {
      this.logger.warn(`Database connection lost: ${exception instanceof Error ? exception.message : String(exception)}`);
      // The gateway adds Retry-After to every 503.
      return { status: 503, code: CommonErrorCode.SERVICE_UNAVAILABLE, message: 'The database is unavailable; try again shortly' };
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return { status: 500, code: CommonErrorCode.INTERNAL, message: 'Internal server error' };
  }
}

function httpCode(status: number): string {
  if (status === 404) return CommonErrorCode.NOT_FOUND;
  if (status === 409) return CommonErrorCode.CONFLICT;
  if (status === 401) return CommonErrorCode.UNAUTHENTICATED;
  if (status === 403) return CommonErrorCode.FORBIDDEN;
  return CommonErrorCode.VALIDATION_FAILED;
}
