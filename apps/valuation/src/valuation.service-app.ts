import { loadConfig } from '@quartier/config';
import { BootableService, startServiceApp } from '@quartier/messaging';
import { createLogger } from '@quartier/observability';
import { AppModule } from './app.module';
import { valuationConfigSpec } from './valuation.config';

export const valuationService: BootableService = {
  name: 'valuation',
  start: async (env) => {
    const config = loadConfig(valuationConfigSpec, env);
    return startServiceApp({
      name: 'valuation',
      module: AppModule.forRoot(config),
      natsUrl: config.NATS_URL,
      natsPrefix: config.NATS_PREFIX,
      opsPort: config.OPS_PORT,
      logger: createLogger('valuation', config.LOG_LEVEL),
    });
  },
};
