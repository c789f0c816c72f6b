import { loadConfig } from '@quartier/config';
import { BootableService, startServiceApp } from '@quartier/messaging';
import { createLogger } from '@quartier/observability';
import { AppModule } from './app.module';
import { workordersConfigSpec } from './workorders.config';

export const workordersService: BootableService = {
  name: 'workorders',
  start: async (env) => {
    const config = loadConfig(workordersConfigSpec, env);
    return startServiceApp({
      name: 'workorders',
      module: AppModule.forRoot(config),
      natsUrl: config.NATS_URL,
      natsPrefix: config.NATS_PREFIX,
      opsPort: config.OPS_PORT,
      logger: createLogger('workorders', config.LOG_LEVEL),
    });
  },
};
