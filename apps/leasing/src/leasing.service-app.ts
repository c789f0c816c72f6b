import { loadConfig } from '@quartier/config';
import { BootableService, startServiceApp } from '@quartier/messaging';
import { createLogger } from '@quartier/observability';
import { AppModule } from './app.module';
import { leasingConfigSpec } from './leasing.config';

export const leasingService: BootableService = {
  name: 'leasing',
  start: async (env) => {
    const config = loadConfig(leasingConfigSpec, env);
    return startServiceApp({
      name: 'leasing',
      module: AppModule.forRoot(config),
      natsUrl: config.NATS_URL,
      natsPrefix: config.NATS_PREFIX,
      opsPort: config.OPS_PORT,
      logger: createLogger('leasing', config.LOG_LEVEL),
    });
  },
};
