import { ServerNats } from '@nestjs/microservices';
import { JSONCodec, Msg, NatsConnection } from 'nats';
import { CommonErrorCode, RpcErrorBody } from '@quartier/contracts-shared';
import { CallerContextVerifier, UnprovenCallerError } from './bus/caller-context';
import { rememberProvenCaller } from './caller-headers';
import { readDeadline } from './deadline';

type NatsServerOptions = ConstructorParameters<typeof ServerNats>[0];

const codec = JSONCodec<{ id?: string }>();

/**
 * Nest's NATS server, subscribing every handler under `<prefix>.` so that deployments and test
 * runs share one NATS without hearing each other. Handlers are declared without the prefix.
 * The queue group makes replicas share the work instead of all answering. No handler runs for a
 * request whose caller context is not proven: it is answered 401 right here. The proven caller
 * carries the request's deadline; HandlerSlotsInterceptor drops the request once it has passed.
 */
export class PrefixedNatsServer extends ServerNats {
  private registered: Promise<void> = Promise.resolve();

  constructor(
    options: NatsServerOptions,
    private readonly prefix: string,
    private readonly queue: string,
    private readonly verifier: CallerContextVerifier,
  ) {
    super(options);
  }

  override bindEvents(client: NatsConnection): void {
    for (const channel of this.messageHandlers.keys()) {
      // Closing the connection on shutdown drops these subscriptions.
      client.subscribe(`${this.prefix}.${channel}`, {
        queue: this.queue,
        callback: this.getMessageHandler(channel).bind(this),
      });
    }
    this.registered = client.flush();
  }

  override async handleMessage(channel: string, message: Msg): Promise<void> {
    try {
      if (!message.headers) throw new UnprovenCallerError('The request carries no headers');
      // The deadline rides beside the signed context: calls made for this request inherit it.
      rememberProvenCaller(message.headers, { ...this.verifier.verify(message.headers), deadline: readDeadline(message.headers) });
    } catch (error) {
      if (!(error instanceof UnprovenCallerError)) throw error;
      this.logger.warn(`Refused ${channel}: ${error.message}`);
      this.refuse(message, error.message);
      return;
    }
    return super.handleMessage(channel, message);
  }

  /** Resolves once the NATS server has processed every subscription (one round trip). */
  subscribed(): Promise<void> {
    return this.registered;
  }

  private refuse(message: Msg, reason: string): void {
    if (!message.reply) return;
    let id: string | undefined;
    try {
      id = codec.decode(message.data).id;
    } catch {
      id = undefined;
    }
    const err: RpcErrorBody = { status: 401, code: CommonErrorCode.UNAUTHENTICATED, message: `Caller not proven: ${reason}` };
    message.respond(JSON.stringify({ id, err, isDisposed: true }));
  }
}
