import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { LeaseService } from '../leases/lease.service';
import { Today } from '../shared/today';
import { RentService } from './rent.service';

export const RENT_JOB_INTERVAL_MS = Symbol('RENT_JOB_INTERVAL_MS');

/** Runs the lease lifecycle and then the rent schedule for every organization on a timer. */
@Injectable()
export class RentJobScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RentJob');
  private timer?: NodeJS.Timeout;
  private first?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly rent: RentService,
    private readonly leases: LeaseService,
    private readonly today: Today,
    @Inject(RENT_JOB_INTERVAL_MS) private readonly intervalMs: number,
  ) {}

  onApplicationBootstrap(): void {
    if (this.intervalMs <= 0) return;
    // Once soon after boot too, so a restart never postpones due charges by a whole interval.
    this.first = setTimeout(() => this.tick(), Math.min(this.intervalMs, 5_000));
    this.timer = setInterval(() => this.tick(), this.intervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.first);
    clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    const asOf = this.today.get();
    this.running = this.leases
      .runLifecycle(asOf)
      .then(() => this.rent.run(asOf))
      .then((result) => this.logger.log(`Rent run ${asOf}: ${result.leases} leases, ${result.chargesCreated} charges, ${result.lateFeesCreated} late fees`))
      .catch((error: Error) => this.logger.error(`Rent run failed: ${error.message}`))
      .finally(() => {
        this.running = undefined;
      });
  }
}
