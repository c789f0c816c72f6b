import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { IOT_CONFIG, IotConfig } from '../../iot.config';
import { CommandsService } from '../commands/commands.service';
import { RuleEngine } from '../rules/rule-engine.service';
import { ConnectivityService } from './connectivity.service';

/** Periodic work that no message triggers: offline devices, schedule rules, command timeouts. */
@Injectable()
export class MaintenanceService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Maintenance');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @Inject(IOT_CONFIG) private readonly config: IotConfig,
    private readonly connectivity: ConnectivityService,
    private readonly rules: RuleEngine,
    private readonly commands: CommandsService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.runOnce()
        .catch((error: Error) => this.logger.warn(`Maintenance failed: ${error.message}`))
        .finally(() => (this.running = undefined));
    }, this.config.OFFLINE_CHECK_INTERVAL_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async runOnce(now = new Date()): Promise<void> {
    await this.connectivity.markOffline(now);
    await this.rules.onTick(now);
    await this.commands.timeOutStale();
  }
}
