import { loadConfig } from '@quartier/config';
import { BootableService, RunningService, startServiceApp } from '@quartier/messaging';
import { createLogger } from '@quartier/observability';
import { AppModule } from './app.module';
import { iotConfigSpec } from './iot.config';

/** Boots the iot service; the running app exposes its ops URL (health, metrics). */
export async function startIot(env: NodeJS.ProcessEnv): Promise<RunningService> {
  const config = loadConfig(iotConfigSpec, env);
  return startServiceApp({
    name: 'iot',
    module: AppModule.forRoot(config),
    natsUrl: config.NATS_URL,
    natsPrefix: config.NATS_PREFIX,
    opsPort: config.OPS_PORT,
    logger: createLogger('iot', config.LOG_LEVEL),
  });
}

export const iotService: BootableService = { name: 'iot', start: startIot };
