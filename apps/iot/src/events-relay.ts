import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { MESSAGING_OPTIONS, MessagingModuleOptions, NATS_CONNECTION, OutboxRelay } from '@quartier/messaging';

/** Relays the outbox (alert, work-order, notification, connectivity events) to JetStream. */
@Injectable()
export class EventsRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly relay: OutboxRelay;

  constructor(
    dataSource: DataSource,
    @Inject(NATS_CONNECTION) connection: NatsConnection,
    @Inject(MESSAGING_OPTIONS) options: MessagingModuleOptions,
  ) {
    this.relay = new OutboxRelay(dataSource, connection, { prefix: options.prefix });
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}
