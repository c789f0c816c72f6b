import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { AlertEvent, AlertPayload, IotEvent, WorkOrderRequestedPayload } from '@quartier/contracts-iot';
import { DomainEvent } from '@quartier/contracts-shared';
import { DurableConsumer, NATS_CONNECTION, OutboxRelay } from '@quartier/messaging';
import { WORKORDERS_CONFIG, WorkordersConfig } from '../../workorders.config';
import { WorkOrderService } from '../work-orders/work-order.service';

/** Durable name of the iot alert consumer (also its inbox key). */
export const ALERT_CONSUMER_NAME = 'workorders-iot-alerts';
/** Durable name of the consumer of automation rules' work-order requests (also its inbox key). */
export const RULE_REQUEST_CONSUMER_NAME = 'workorders-iot-rule-requests';

/** Publishes the outbox and consumes iot alerts and rules' work-order requests for as long as the service runs. */
@Injectable()
export class EventsLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly relay: OutboxRelay;
  private readonly alerts?: DurableConsumer;
  private readonly ruleRequests?: DurableConsumer;

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
      this.ruleRequests = new DurableConsumer(
        connection,
        dataSource,
        { prefix: config.NATS_PREFIX, name: RULE_REQUEST_CONSUMER_NAME, eventTypes: [IotEvent.WORK_ORDER_REQUESTED] },
        async (event, manager) => {
          await workOrders.openFromRuleRequest(event as DomainEvent<WorkOrderRequestedPayload>, manager);
        },
      );
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    this.relay.start();
    await this.alerts?.start();
    await this.ruleRequests?.start();
  }

  /** Before the connection and the pool close, so nothing is cut off mid-transaction. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.alerts?.stop();
    await this.ruleRequests?.stop();
    await this.relay.stop();
  }
}
