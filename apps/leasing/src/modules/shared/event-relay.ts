import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { MESSAGING_OPTIONS, MessagingModuleOptions, NATS_CONNECTION, OutboxRelay } from '@quartier/messaging';

export const OUTBOX_INTERVAL_MS = Symbol('OUTBOX_INTERVAL_MS');

/** Publishes lease events from the outbox to JetStream for as long as the app runs. */
@Injectable()
export class EventRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly relay: OutboxRelay;

  constructor(
    dataSource: DataSource,
    @Inject(NATS_CONNECTION) connection: NatsConnection,
    @Inject(MESSAGING_OPTIONS) options: MessagingModuleOptions,
    @Inject(OUTBOX_INTERVAL_MS) intervalMs: number,
  ) {
    this.relay = new OutboxRelay(dataSource, connection, { prefix: options.prefix, intervalMs });
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}
