import { ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { RpcException } from '@nestjs/microservices';
import { Observable, throwError } from 'rxjs';
import { CommonErrorCode, RpcErrorBody, isRpcErrorBody } from '@quartier/contracts-shared';

/**
 * Every error leaving a NATS handler becomes an `RpcErrorBody`. Unexpected errors are logged here
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
