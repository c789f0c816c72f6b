import { BeforeApplicationShutdown, DynamicModule, Inject, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { MESSAGING_OPTIONS, MessagingModuleOptions, NATS_CONNECTION } from './messaging.module';
import { OutboxRelay } from './outbox-relay';

const RELAY_INTERVAL_MS = Symbol('RELAY_INTERVAL_MS');

/**
 * Runs the service's outbox relay while the app runs. Stopped before application shutdown,
 * while the database and NATS connections (closed on shutdown) are still open.
 */
@Injectable()
export class OutboxRelayLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly relay: OutboxRelay;

  constructor(
    dataSource: DataSource,
    @Inject(NATS_CONNECTION) connection: NatsConnection,
    @Inject(MESSAGING_OPTIONS) options: MessagingModuleOptions,
    @Inject(RELAY_INTERVAL_MS) intervalMs: number,
  ) {
    this.relay = new OutboxRelay(dataSource, connection, { prefix: options.prefix, intervalMs });
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.relay.stop();
  }
}

/** Publishes the service's committed outbox events to JetStream (needs MessagingModule and the DataSource). */
@Module({})
export class OutboxRelayModule {
  static forRoot(options: { intervalMs?: number } = {}): DynamicModule {
    return {
      module: OutboxRelayModule,
      providers: [{ provide: RELAY_INTERVAL_MS, useValue: options.intervalMs ?? 200 }, OutboxRelayLifecycle],
    };
  }
}
