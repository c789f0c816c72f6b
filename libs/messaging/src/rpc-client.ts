import { ErrorCode, JSONCodec, NatsConnection, NatsError } from 'nats';
import { randomUUID } from 'node:crypto';
import { Caller, CommonErrorCode, isRpcErrorBody, mayCall, serviceOfSubject } from '@quartier/contracts-shared';
import { CallerContextSigner } from './bus/caller-context';
import { callerToHeaders } from './caller-headers';
import { RpcError } from './rpc-errors';

const codec = JSONCodec<unknown>();

/**
 * Waits before asking again when nobody answered. No responder means nobody received the
 * request, so asking again is safe even for commands; it bridges a replica restarting or a
 * service whose subscriptions the server is still registering.
 */
const NO_RESPONDERS_RETRY_MS = [50, 150];

/** Nest's NATS wire format: request `{ pattern, data, id }`, reply `{ id, response?, err?, isDisposed }`. */
interface NestReply {
  response?: unknown;
  err?: unknown;
}

export interface RpcClientOptions {
  prefix: string;
  timeoutMs: number;
  /** Signs the caller context of every request as this component. */
  signer: CallerContextSigner;
}

/**
 * Request/reply to services over NATS. Every call carries a caller context signed for the callee,
 * has a timeout (→ 504), no responders → 503 (after two short retries), and a service's
 * RpcException comes back as an RpcError carrying its status and code.
 */
export class RpcClient {
  constructor(
    private readonly connection: NatsConnection,
    private readonly options: RpcClientOptions,
  ) {}

  async request<T>(subject: string, data: unknown, caller: Caller, timeoutMs = this.options.timeoutMs): Promise<T> {
    const fullSubject = `${this.options.prefix}.${subject}`;
    const audience = serviceOfSubject(subject);
    const { signer } = this.options;
    if (!mayCall(signer.component, audience)) {
      // The bus would refuse it too; saying so here names the missing line in COMPONENTS.
      throw new RpcError({ status: 500, code: CommonErrorCode.INTERNAL, message: `${signer.component} may not call ${audience}` });
    }
    const packet = codec.encode({ pattern: subject, data, id: randomUUID() });
    // Signed once per call; the no-responder retries reuse it well within its lifetime.
    const headers = callerToHeaders(caller, signer, audience);
    let reply: NestReply | undefined;
    for (let attempt = 0; reply === undefined; attempt += 1) {
      try {
        const message = await this.connection.request(fullSubject, packet, { timeout: timeoutMs, headers });
        reply = codec.decode(message.data) as NestReply;
      } catch (error) {
        const delay = NO_RESPONDERS_RETRY_MS[attempt];
        if (!isNoResponders(error) || delay === undefined) throw toTransportError(error, subject);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
    if (reply.err !== undefined && reply.err !== null) throw toRpcError(reply.err);
    return reply.response as T;
  }
}

function isNoResponders(error: unknown): boolean {
  return error instanceof NatsError && error.code === ErrorCode.NoResponders;
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
