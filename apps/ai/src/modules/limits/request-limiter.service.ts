import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AiErrorCode } from '@quartier/contracts-ai';
import { rpcError } from '@quartier/messaging';
import { AI_CONFIG, AiConfig } from '../../ai.config';
import { secondsUntilNextWindow, windowStart } from './request-window';

const WINDOW_MS = 60_000;

/**
 * Model calls cost compute: each organization gets AI_REQUESTS_PER_MINUTE chat, ask and ingest
 * requests per minute, counted in Postgres so every replica shares the count.
 * (Identity's plans limit properties, users, documents and storage, not AI requests.)
 */
@Injectable()
export class RequestLimiter {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(AI_CONFIG) private readonly config: AiConfig,
  ) {}

  async take(organizationId: string): Promise<void> {
    const now = new Date();
    const start = windowStart(now, WINDOW_MS);
    const rows: { count: number }[] = await this.dataSource.query(
      `INSERT INTO request_windows (organization_id, window_start, count) VALUES ($1, $2, 1)
       ON CONFLICT (organization_id, window_start) DO UPDATE SET count = request_windows.count + 1
       RETURNING count`,
      [organizationId, start],
    );
    const count = rows[0].count;
    if (count === 1) {
      await this.dataSource.query('DELETE FROM request_windows WHERE organization_id = $1 AND window_start < $2', [organizationId, start]);
    }
    if (count > this.config.AI_REQUESTS_PER_MINUTE) {
      throw rpcError(429, AiErrorCode.AI_RATE_LIMITED, `The organization used its ${this.config.AI_REQUESTS_PER_MINUTE} AI requests of this minute`, {
        limit: this.config.AI_REQUESTS_PER_MINUTE,
        retryAfterSeconds: secondsUntilNextWindow(now, WINDOW_MS),
      });
    }
  }
}
