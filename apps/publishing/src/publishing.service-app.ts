import { loadConfig } from '@quartier/config';
import { BootableService, startServiceApp } from '@quartier/messaging';
import { createLogger } from '@quartier/observability';
import { AppModule } from './app.module';
import { publishingConfigSpec } from './publishing.config';

export const publishingService: BootableService = {
  name: 'publishing',
  start: async (env) => {
    const config = loadConfig(publishingConfigSpec, env);
    return startServiceApp({
      name: 'publishing',
      module: AppModule.forRoot(config),
      natsUrl: config.NATS_URL,
      natsPrefix: config.NATS_PREFIX,
      opsPort: config.OPS_PORT,
      logger: createLogger('publishing', config.LOG_LEVEL),
    });
  },
};
