import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { MESSAGING_OPTIONS, MessagingModuleOptions, NATS_CONNECTION, OutboxRelay, ensureEventStream } from '@quartier/messaging';

/** Relays the outbox (alert, work-order, notification, connectivity events) to JetStream. */
@Injectable()
export class EventsRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly relay: OutboxRelay;

  constructor(
    dataSource: DataSource,
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
  ) {
    this.relay = new OutboxRelay(dataSource, connection, { prefix: options.prefix });
  }

  async onApplicationBootstrap(): Promise<void> {
    await ensureEventStream(this.connection, this.options.prefix);
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}
