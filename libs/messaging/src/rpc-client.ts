import { ErrorCode, JSONCodec, NatsConnection, NatsError } from 'nats';
import { randomUUID } from 'node:crypto';
import { Caller, CommonErrorCode, isRpcErrorBody, mayCall, serviceOfSubject } from '@quartier/contracts-shared';
import { CallerContextSigner } from './bus/caller-context';
import { BusLink, serviceUnavailable } from './bus-link';
import { callerToHeaders } from './caller-headers';
import { callDeadline, writeDeadline } from './deadline';
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

export interface RpcRequestOptions {
  /**
   * The operation only reads (idempotency `safe`): its first attempt gets half the deadline and,
   * when that passes unanswered (the replica that took it most likely died), it is asked once more
   * within what is left, which the queue group hands to another replica.
   */
  safe?: boolean;
}

export interface RpcClientOptions {
  prefix: string;
  timeoutMs: number;
  /** Signs the caller context of every request as this component. */
  signer: CallerContextSigner;
}

/**
 * Request/reply to services over NATS. Every call carries a caller context signed for the callee
 * and its deadline (now + timeout, never past the deadline of the request being served; → 504),
 * no responders → 503 (after two short retries), the bus down → 503 at once (see BusLink), and a
 * service's RpcException comes back as an RpcError carrying its status and code.
 */
export class RpcClient {
  private readonly link: BusLink;

  constructor(
    connection: NatsConnection,
    private readonly options: RpcClientOptions,
  ) {
    this.link = new BusLink(connection);
  }

  async request<T>(subject: string, data: unknown, caller: Caller, timeoutMs = this.options.timeoutMs, options: RpcRequestOptions = {}): Promise<T> {
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
    const deadline = callDeadline(Date.now(), timeoutMs, caller.deadline);
    writeDeadline(headers, deadline);
    let askAgain = options.safe === true;
    let reply: NestReply | undefined;
    for (let noResponders = 0; reply === undefined; ) {
      const left = deadline - Date.now();
      if (left <= 0) throw timedOut(subject);
      try {
        const message = await this.link.request(fullSubject, packet, { timeout: askAgain ? Math.ceil(left / 2) : left, headers });
        reply = codec.decode(message.data) as NestReply;
      } catch (error) {
        if (error instanceof RpcError) throw error;
        if (askAgain && isTimeout(error)) {
          askAgain = false;
          continue;
        }
        const delay = NO_RESPONDERS_RETRY_MS[noResponders];
        if (!isNoResponders(error) || delay === undefined) throw toTransportError(error, subject);
        noResponders += 1;
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

function isTimeout(error: unknown): boolean {
  return error instanceof NatsError && error.code === ErrorCode.Timeout;
}

function toTransportError(error: unknown, subject: string): RpcError {
  const code = error instanceof NatsError ? error.code : undefined;
  if (code === ErrorCode.NoResponders) return serviceUnavailable(`No service is answering ${subject}`);
  if (code === ErrorCode.Timeout) return timedOut(subject);
  return serviceUnavailable('The message bus is unavailable');
}

function timedOut(subject: string): RpcError {
  return new RpcError({ status: 504, code: CommonErrorCode.UPSTREAM_TIMEOUT, message: `${subject} did not answer in time` });
}

function toRpcError(err: unknown): RpcError {
  if (isRpcErrorBody(err)) return new RpcError(err);
  // Anything else is an unexpected failure inside the service: never pass its internals on.
  return new RpcError({ status: 500, code: CommonErrorCode.INTERNAL, message: 'Internal server error' });
}
