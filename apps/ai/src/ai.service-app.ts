import { loadConfig } from '@quartier/config';
import { BootableService, startServiceApp } from '@quartier/messaging';
import { createLogger } from '@quartier/observability';
import { aiConfigSpec } from './ai.config';
import { AppModule } from './app.module';

export const aiService: BootableService = {
  name: 'ai',
  start: async (env) => {
    const config = loadConfig(aiConfigSpec, env);
    return startServiceApp({
      name: 'ai',
      module: AppModule.forRoot(config),
      natsUrl: config.NATS_URL,
      natsPrefix: config.NATS_PREFIX,
      opsPort: config.OPS_PORT,
      logger: createLogger('ai', config.LOG_LEVEL),
    });
  },
};
