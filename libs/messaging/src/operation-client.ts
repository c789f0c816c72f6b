import { Injectable } from '@nestjs/common';
import { AnyOperation, Caller, CommonErrorCode, ErrorCodeOf, RequestOf, ResponseOf } from '@quartier/contracts-shared';
import { RpcClient } from './rpc-client';
import { RpcError } from './rpc-errors';

/** Codes any call can fail with besides the operation's own: validation, caller, transport. */
export type CommonFailureCode = (typeof CommonErrorCode)[keyof typeof CommonErrorCode];

/** A failed operation call, its code narrowed to what the operation declares plus the common codes. */
export type OperationError<Operation extends AnyOperation> = RpcError & { readonly code: ErrorCodeOf<Operation> | CommonFailureCode };

export interface SendOptions {
  /** Overrides the operation's deadline (and the client's default). */
  timeoutMs?: number;
}

/**
 * Calls an operation by its descriptor: the payload and the answer are typed by it. Transport,
 * deadline and retries stay in RpcClient (a `safe` operation may be asked twice); a failure is
 * thrown as the RpcError it produces.
 */
@Injectable()
export class OperationClient {
  constructor(private readonly rpc: RpcClient) {}

  send<Operation extends AnyOperation>(
    operation: Operation,
    payload: RequestOf<Operation>,
    caller: Caller,
    options: SendOptions = {},
  ): Promise<ResponseOf<Operation>> {
    const timeoutMs = options.timeoutMs ?? operation.timeoutMs;
    // undefined takes the client's default deadline.
    return this.rpc.request<ResponseOf<Operation>>(operation.subject, payload, caller, timeoutMs, { safe: operation.idempotency === 'safe' });
  }
}

/** Whether `error` is a failure of `operation`, optionally with one of its declared codes. */
export function isOperationError<Operation extends AnyOperation>(
  operation: Operation,
  error: unknown,
  code?: ErrorCodeOf<Operation> | CommonFailureCode,
): error is OperationError<Operation> {
  if (!(error instanceof RpcError)) return false;
  if (code !== undefined) return error.code === code;
  return error.code in operation.errors || Object.values<string>(CommonErrorCode).includes(error.code);
}
