import { Logger } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { OutboxEntity } from '@quartier/db';
import { publishEvent } from './event-publisher';
import { ensureEventStream } from './event-stream';

export interface OutboxRelayOptions {
  prefix: string;
  intervalMs?: number;
  batchSize?: number;
}

/**
 * Publishes committed outbox rows to JetStream in order, then marks them published. Rows are
 * locked with SKIP LOCKED so replicas share the work; a crash between publish and mark only
 * republishes, which JetStream dedupes by message id.
 */
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private streamReady?: Promise<unknown>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly connection: NatsConnection,
    private readonly options: OutboxRelayOptions,
  ) {}

  start(): void {
    const tick = (): void => {
      this.running = this.flush()
        .then(() => undefined)
        .catch((error: Error) => this.logger.warn(`Outbox relay failed, retrying: ${error.message}`))
        .finally(() => {
          if (this.timer !== undefined) this.timer = setTimeout(tick, this.options.intervalMs ?? 200);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Publishes every pending row; returns how many were published. */
  async flush(): Promise<number> {
    // The stream may not exist yet on a fresh NATS: create it before the first publish.
    this.streamReady ??= ensureEventStream(this.connection, this.options.prefix).catch((error: Error) => {
      this.streamReady = undefined;
      throw error;
    });
    await this.streamReady;
    let published = 0;
    for (;;) {
      const count = await this.dataSource.transaction(async (manager) => {
        const rows = await manager
          .getRepository(OutboxEntity)
          .createQueryBuilder('o')
          .where('o.published_at IS NULL')
          .orderBy('o.occurred_at', 'ASC')
          .limit(this.options.batchSize ?? 100)
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .getMany();
        for (const row of rows) {
          await publishEvent(this.connection, this.options.prefix, {
            id: row.id,
            type: row.type,
            organizationId: row.organizationId,
            occurredAt: row.occurredAt.toISOString(),
            payload: row.payload,
          });
        }
        if (rows.length > 0) {
          await manager.update(OutboxEntity, rows.map((row) => row.id), { publishedAt: new Date() });
        }
        return rows.length;
      });
      published += count;
      if (count === 0) return published;
    }
  }
}
