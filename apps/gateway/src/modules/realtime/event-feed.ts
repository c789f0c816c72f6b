import { ConsumerMessages, DeliverPolicy, NatsConnection } from 'nats';
import { Logger } from 'pino';
import { DomainEvent } from '@quartier/contracts-shared';
import { ensureEventStream, eventStreamName } from '@quartier/messaging';
import { decodeDomainEvent } from './realtime-protocol';

/**
 * One ephemeral, ordered JetStream consumer per gateway process over every domain event.
 * It starts at new messages only: real-time clients get what happens from now on, never a replay,
 * and nothing is acknowledged or kept for them on the server.
 */
export class EventFeed {
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;

  constructor(
    private readonly nats: NatsConnection,
    private readonly prefix: string,
    private readonly logger: Logger,
    private readonly onEvent: (event: DomainEvent) => void,
  ) {}

  async start(): Promise<void> {
    await ensureEventStream(this.nats, this.prefix);
    const consumer = await this.nats.jetstream().consumers.get(eventStreamName(this.prefix), {
      filterSubjects: `${this.prefix}.events.>`,
      deliver_policy: DeliverPolicy.New,
    });
    const messages = await consumer.consume();
    this.messages = messages;
    this.loop = (async () => {
      for await (const message of messages) {
        const event = decodeDomainEvent(message.data);
        if (!event) {
          this.logger.warn({ subject: message.subject }, 'Ignoring an undecodable event');
          continue;
        }
        try {
          this.onEvent(event);
        } catch (error) {
          this.logger.error({ err: error, eventId: event.id }, 'Real-time fan-out failed');
        }
      }
    })();
  }

  async stop(): Promise<void> {
    this.messages?.stop();
    await this.loop;
    this.messages = undefined;
    this.loop = undefined;
  }
}
