import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { isDatabaseConnectionLoss } from './connection-loss';
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

/** Waits before writing again after a lost connection: the pool opens a fresh one meanwhile. */
const RECONNECT_DELAYS_MS = [50, 500, 2000];

/**
 * Records an event on its own, outside any business transaction: for code that owns no other
 * data (the gateway's audit events), so it reaches the outbox without touching the ORM. A write
 * that lost its connection is tried again under the same id, so it lands once.
 */
export class OutboxWriter {
  constructor(private readonly dataSource: DataSource) {}

  async add(organizationId: string, type: string, payload: unknown): Promise<string> {
    const row = { id: randomUUID(), organizationId, type, payload: payload as object, publishedAt: null };
    for (let attempt = 0; ; attempt += 1) {
      try {
        await this.dataSource.manager.insert(OutboxEntity, row);
        return row.id;
      } catch (error) {
        // The connection died after the earlier attempt had committed.
        if (attempt > 0 && isUniqueViolation(error)) return row.id;
        const delay = RECONNECT_DELAYS_MS[attempt];
        if (delay === undefined || !isDatabaseConnectionLoss(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: unknown }).code === '23505';
}
