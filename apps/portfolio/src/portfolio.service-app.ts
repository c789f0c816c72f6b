import { loadConfig } from '@quartier/config';
import { BootableService, startServiceApp } from '@quartier/messaging';
import { createLogger } from '@quartier/observability';
import { AppModule } from './app.module';
import { portfolioConfigSpec } from './portfolio.config';

export const portfolioService: BootableService = {
  name: 'portfolio',
  start: async (env) => {
    const config = loadConfig(portfolioConfigSpec, env);
    return startServiceApp({
      name: 'portfolio',
      module: AppModule.forRoot(config),
      natsUrl: config.NATS_URL,
      natsPrefix: config.NATS_PREFIX,
      opsPort: config.OPS_PORT,
      logger: createLogger('portfolio', config.LOG_LEVEL),
    });
  },
};
