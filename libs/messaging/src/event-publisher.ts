import { JSONCodec, NatsConnection, headers as natsHeaders } from 'nats';
import { DomainEvent, eventSubject } from '@quartier/contracts-shared';

const codec = JSONCodec<DomainEvent>();

/** Publishes a domain event to JetStream; the event id doubles as `Nats-Msg-Id`, so retries dedupe. */
export async function publishEvent(connection: NatsConnection, prefix: string, event: DomainEvent): Promise<void> {
  const messageHeaders = natsHeaders();
  messageHeaders.set('x-organization-id', event.organizationId);
  await connection.jetstream().publish(eventSubject(prefix, event.type), codec.encode(event), {
    msgID: event.id,
    headers: messageHeaders,
  });
}
