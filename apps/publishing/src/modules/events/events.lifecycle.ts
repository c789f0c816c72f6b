import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { NATS_CONNECTION, OutboxRelay } from '@quartier/messaging';
import { PUBLISHING_CONFIG, PublishingConfig } from '../../publishing.config';

/** Publishes the outbox (listing published, failed, withdrawn) for as long as the service runs. */
@Injectable()
export class EventsLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly relay: OutboxRelay;

  constructor(@Inject(DataSource) dataSource: DataSource, @Inject(NATS_CONNECTION) connection: NatsConnection, @Inject(PUBLISHING_CONFIG) config: PublishingConfig) {
    this.relay = new OutboxRelay(dataSource, connection, { prefix: config.NATS_PREFIX, intervalMs: config.OUTBOX_INTERVAL_MS });
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  /** Before the connection and the pool close, so nothing is cut off mid-transaction. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}
