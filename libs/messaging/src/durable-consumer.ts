import { Logger } from '@nestjs/common';
import { AckPolicy, ConsumerMessages, DeliverPolicy, JSONCodec, JsMsg, NatsConnection } from 'nats';
import { DataSource, EntityManager } from 'typeorm';
import { DomainEvent, eventSubject } from '@quartier/contracts-shared';
import { runWithContext } from '@quartier/observability';
import { ensureEventStream, eventStreamName } from './event-stream';

const codec = JSONCodec<DomainEvent>();

export interface DurableConsumerOptions {
  prefix: string;
  /** Durable name, e.g. `portfolio-lease-events`; also the inbox key. */
  name: string;
  /** Event types to receive, e.g. `leasing.lease.activated` (wildcards like `leasing.lease.*` work too). */
  eventTypes: string[];
  maxDeliver?: number;
  ackWaitMs?: number;
}

export type EventHandler = (event: DomainEvent, manager: EntityManager) => Promise<void>;

/**
 * A durable JetStream consumer with explicit ack and bounded redelivery. The handler runs in a
 * transaction together with the inbox insert, so an event is applied exactly once even when it
 * is delivered again after a crash or restart.
 */
export class DurableConsumer {
  private readonly logger: Logger;
  private subscriptions: ConsumerMessages[] = [];
  private loops: Promise<void>[] = [];

  constructor(
    private readonly connection: NatsConnection,
    private readonly dataSource: DataSource,
    private readonly options: DurableConsumerOptions,
    private readonly handler: EventHandler,
  ) {
    this.logger = new Logger(`Consumer:${options.name}`);
  }

  async start(): Promise<void> {
    const manager = await ensureEventStream(this.connection, this.options.prefix);
    const stream = eventStreamName(this.options.prefix);
    // One durable per event type: NATS before 2.10 has no multi-subject filters.
    for (const type of this.options.eventTypes) {
      const durable = this.options.eventTypes.length === 1 ? this.options.name : `${this.options.name}--${type.replace(/[.*>]/g, '_')}`;
      await manager.consumers.add(stream, {
        durable_name: durable,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        max_deliver: this.options.maxDeliver ?? 10,
        ack_wait: (this.options.ackWaitMs ?? 30_000) * 1e6,
        filter_subject: eventSubject(this.options.prefix, type),
      });
      const consumer = await this.connection.jetstream().consumers.get(stream, durable);
      const messages = await consumer.consume({ max_messages: 100 });
      this.subscriptions.push(messages);
      this.loops.push(this.run(messages));
    }
  }

  async stop(): Promise<void> {
    for (const messages of this.subscriptions) messages.stop();
    await Promise.all(this.loops);
    this.subscriptions = [];
    this.loops = [];
  }

  private async run(messages: ConsumerMessages): Promise<void> {
    for await (const message of messages) {
      await this.handle(message);
    }
  }

  private async handle(message: JsMsg): Promise<void> {
    let event: DomainEvent;
    try {
      event = codec.decode(message.data);
    } catch {
      this.logger.error(`Dropping undecodable message on ${message.subject}`);
      message.term();
      return;
    }
    // Only the owning service may publish under `events.<service>.`, so an event is believed only
    // when its type is the subject it arrived on.
    if (message.subject !== eventSubject(this.options.prefix, event.type)) {
      this.logger.error(`Dropping an event of type ${String(event.type)} that arrived on ${message.subject}`);
      message.term();
      return;
    }
    try {
      await runWithContext({ requestId: `event:${event.id}`, organizationId: event.organizationId }, () =>
        this.dataSource.transaction(async (manager) => {
          const firstTime: unknown[] = await manager.query(
            'INSERT INTO inbox (event_id, consumer) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id',
            [event.id, this.options.name],
          );
          if (firstTime.length > 0) await this.handler(event, manager);
        }),
      );
      message.ack();
    } catch (error) {
      const attempt = message.info.redeliveryCount;
      this.logger.warn(`Handling ${event.type} ${event.id} failed (attempt ${attempt}): ${(error as Error).message}`);
      message.nak(Math.min(30_000, 500 * 2 ** attempt));
    }
  }
}
