import { ErrorCode, JSONCodec, NatsConnection, NatsError } from 'nats';
import { randomUUID } from 'node:crypto';
import { Caller, CommonErrorCode, isRpcErrorBody } from '@quartier/contracts-shared';
import { callerToHeaders } from './caller-headers';
import { RpcError } from './rpc-errors';

const codec = JSONCodec<unknown>();

/** Nest's NATS wire format: request `{ pattern, data, id }`, reply `{ id, response?, err?, isDisposed }`. */
interface NestReply {
  response?: unknown;
  err?: unknown;
}

export interface RpcClientOptions {
  prefix: string;
  timeoutMs: number;
}

/**
 * Request/reply to services over NATS. Every call has a timeout (→ 504), no responders → 503,
 * and a service's RpcException comes back as an RpcError carrying its status and code.
 */
export class RpcClient {
  constructor(
    private readonly connection: NatsConnection,
    private readonly options: RpcClientOptions,
  ) {}

  async request<T>(subject: string, data: unknown, caller: Caller, timeoutMs = this.options.timeoutMs): Promise<T> {
    const fullSubject = `${this.options.prefix}.${subject}`;
    const packet = codec.encode({ pattern: subject, data, id: randomUUID() });
    let reply: NestReply;
    try {
      const message = await this.connection.request(fullSubject, packet, { timeout: timeoutMs, headers: callerToHeaders(caller) });
      reply = codec.decode(message.data) as NestReply;
    } catch (error) {
      throw toTransportError(error, subject);
    }
    if (reply.err !== undefined && reply.err !== null) throw toRpcError(reply.err);
    return reply.response as T;
  }
}

function toTransportError(error: unknown, subject: string): RpcError {
  const code = error instanceof NatsError ? error.code : undefined;
  if (code === ErrorCode.NoResponders) {
    return new RpcError({ status: 503, code: CommonErrorCode.SERVICE_UNAVAILABLE, message: `No service is answering ${subject}` });
  }
  if (code === ErrorCode.Timeout) {
    return new RpcError({ status: 504, code: CommonErrorCode.UPSTREAM_TIMEOUT, message: `${subject} did not answer in time` });
  }
  return new RpcError({ status: 503, code: CommonErrorCode.SERVICE_UNAVAILABLE, message: 'The message bus is unavailable' });
}

function toRpcError(err: unknown): RpcError {
  if (isRpcErrorBody(err)) return new RpcError(err);
  // Anything else is an unexpected failure inside the service: never pass its internals on.
  return new RpcError({ status: 500, code: CommonErrorCode.INTERNAL, message: 'Internal server error' });
}
