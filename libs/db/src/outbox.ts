import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { OutboxEntity } from './outbox.entity';

/** Records a domain event inside the caller's transaction; the relay publishes it after commit. */
export async function addToOutbox(manager: EntityManager, organizationId: string, type: string, payload: unknown): Promise<string> {
  const id = randomUUID();
  await manager.insert(OutboxEntity, { id, organizationId, type, payload: payload as object, publishedAt: null });
  return id;
}
