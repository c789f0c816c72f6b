import { Logger } from '@nestjs/common';
import { IdempotencyRepository } from './idempotency.repository';

/** How often expired keys are deleted; every replica may do it, the DELETE is harmless twice. */
const CLEANUP_INTERVAL_MS = 15 * 60_000;

/** Deletes Idempotency-Keys older than the retention, at start and then periodically. */
export class IdempotencyCleanup {
  private readonly logger = new Logger('IdempotencyCleanup');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly records: IdempotencyRepository,
    private readonly retentionHours: number,
    private readonly isConnected: () => boolean,
  ) {}

  start(intervalMs = CLEANUP_INTERVAL_MS): void {
    this.tick();
    this.timer = setInterval(() => this.tick(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.running || !this.isConnected()) return;
    this.running = this.records
      .purge(this.retentionHours)
      .then((deleted) => {
        if (deleted > 0) this.logger.log(`Deleted ${deleted} Idempotency-Keys older than ${this.retentionHours} h`);
      })
      .catch((error: Error) => this.logger.warn(`Could not delete expired Idempotency-Keys: ${error.message}`))
      .finally(() => (this.running = undefined));
  }
}
