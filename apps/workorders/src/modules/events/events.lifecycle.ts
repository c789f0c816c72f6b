import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { AlertEvent, AlertPayload } from '@quartier/contracts-iot';
import { DomainEvent } from '@quartier/contracts-shared';
import { DurableConsumer, NATS_CONNECTION, OutboxRelay } from '@quartier/messaging';
import { WORKORDERS_CONFIG, WorkordersConfig } from '../../workorders.config';
import { WorkOrderService } from '../work-orders/work-order.service';

/** Durable name of the iot alert consumer (also its inbox key). */
export const ALERT_CONSUMER_NAME = 'workorders-iot-alerts';

/** Publishes the outbox and consumes iot alerts for as long as the service runs. */
@Injectable()
export class EventsLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly relay: OutboxRelay;
  private readonly alerts?: DurableConsumer;

  constructor(
    @Inject(DataSource) dataSource: DataSource,
    @Inject(NATS_CONNECTION) connection: NatsConnection,
    @Inject(WORKORDERS_CONFIG) config: WorkordersConfig,
    workOrders: WorkOrderService,
  ) {
    this.relay = new OutboxRelay(dataSource, connection, { prefix: config.NATS_PREFIX, intervalMs: config.OUTBOX_INTERVAL_MS });
    if (config.ALERT_CONSUMER_ENABLED) {
      this.alerts = new DurableConsumer(
        connection,
        dataSource,
        { prefix: config.NATS_PREFIX, name: ALERT_CONSUMER_NAME, eventTypes: [AlertEvent.RAISED] },
        async (event, manager) => {
          await workOrders.openFromAlert(event as DomainEvent<AlertPayload>, manager);
        },
      );
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    this.relay.start();
    await this.alerts?.start();
  }

  /** Before the connection and the pool close, so nothing is cut off mid-transaction. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.alerts?.stop();
    await this.relay.stop();
  }
}
