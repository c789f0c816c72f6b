import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { OutboxEntity } from './outbox.entity';

/** Records a domain event inside the caller's transaction; the relay publishes it after commit. */
export async function addToOutbox(manager: EntityManager, organizationId: string, type: string, payload: unknown): Promise<string> {
  const [id] = await addAllToOutbox(manager, [{ organizationId, type, payload }]);
  return id;
}

export interface OutboxEvent {
  organizationId: string;
  type: string;
  payload: unknown;
}

/** Many events in one INSERT, for batch work (ingestion) where a statement per event would dominate. */
export async function addAllToOutbox(manager: EntityManager, events: OutboxEvent[]): Promise<string[]> {
  if (events.length === 0) return [];
  const rows = events.map(({ organizationId, type, payload }) => ({ id: randomUUID(), organizationId, type, payload: payload as object, publishedAt: null }));
  await manager.insert(OutboxEntity, rows);
  return rows.map((row) => row.id);
}

/**
 * Records an event on its own, outside any business transaction: for code that owns no other
 * data (the gateway's audit events), so it reaches the outbox without touching the ORM.
 */
export class OutboxWriter {
  constructor(private readonly dataSource: DataSource) {}

  add(organizationId: string, type: string, payload: unknown): Promise<string> {
    return addToOutbox(this.dataSource.manager, organizationId, type, payload);
  }
}
