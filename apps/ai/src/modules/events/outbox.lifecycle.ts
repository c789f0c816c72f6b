import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { NATS_CONNECTION, OutboxRelay } from '@quartier/messaging';
import { AI_CONFIG, AiConfig } from '../../ai.config';

/** Publishes the ai outbox (source indexed, failed, deleted) for as long as the service runs. */
@Injectable()
export class OutboxLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly relay: OutboxRelay;

  constructor(@Inject(DataSource) dataSource: DataSource, @Inject(NATS_CONNECTION) connection: NatsConnection, @Inject(AI_CONFIG) config: AiConfig) {
    this.relay = new OutboxRelay(dataSource, connection, { prefix: config.NATS_PREFIX, intervalMs: config.OUTBOX_INTERVAL_MS });
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}
