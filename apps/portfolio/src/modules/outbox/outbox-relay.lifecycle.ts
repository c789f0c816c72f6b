import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { MESSAGING_OPTIONS, MessagingModuleOptions, NATS_CONNECTION, OutboxRelay } from '@quartier/messaging';

/** Publishes portfolio's committed outbox events (unit status changes) to JetStream. */
@Injectable()
export class OutboxRelayLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
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

  onModuleDestroy(): Promise<void> {
    return this.relay.stop();
  }
}
