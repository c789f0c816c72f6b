import { loadConfig } from '@quartier/config';
import { BootableService, startServiceApp } from '@quartier/messaging';
import { createLogger } from '@quartier/observability';
import { AppModule } from './app.module';
import { identityConfigSpec } from './identity.config';

export const identityService: BootableService = {
  name: 'identity',
  start: async (env) => {
    const config = loadConfig(identityConfigSpec, env);
    return startServiceApp({
      name: 'identity',
      module: AppModule.forRoot(config),
      natsUrl: config.NATS_URL,
      natsPrefix: config.NATS_PREFIX,
      opsPort: config.OPS_PORT,
      logger: createLogger('identity', config.LOG_LEVEL),
    });
  },
};
