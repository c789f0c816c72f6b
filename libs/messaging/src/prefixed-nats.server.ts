import { ServerNats } from '@nestjs/microservices';
import { NatsConnection } from 'nats';

type NatsServerOptions = ConstructorParameters<typeof ServerNats>[0];

/**
 * Nest's NATS server, subscribing every handler under `<prefix>.` so that deployments and test
 * runs share one NATS without hearing each other. Handlers are declared without the prefix.
 * The queue group makes replicas share the work instead of all answering.
 */
export class PrefixedNatsServer extends ServerNats {
  private registered: Promise<void> = Promise.resolve();

  constructor(
    options: NatsServerOptions,
    private readonly prefix: string,
    private readonly queue: string,
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

  /** Resolves once the NATS server has processed every subscription (one round trip). */
  subscribed(): Promise<void> {
    return this.registered;
  }
}
