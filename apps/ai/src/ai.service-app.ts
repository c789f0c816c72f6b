import { DestinationStream } from 'pino';
import { loadConfig } from '@quartier/config';
import { BootableService, RunningService, startServiceApp } from '@quartier/messaging';
import { createLogger } from '@quartier/observability';
import { aiConfigSpec } from './ai.config';
import { AppModule } from './app.module';

/** Starts the ai service; `logDestination` lets specs read what it logs. */
export function startAi(env: NodeJS.ProcessEnv, logDestination?: DestinationStream): Promise<RunningService> {
  const config = loadConfig(aiConfigSpec, env);
  return startServiceApp({
    name: 'ai',
    module: AppModule.forRoot(config),
    natsUrl: config.NATS_URL,
    natsPrefix: config.NATS_PREFIX,
    opsPort: config.OPS_PORT,
    logger: createLogger('ai', config.LOG_LEVEL, logDestination),
  });
}

export const aiService: BootableService = {
  name: 'ai',
  start: (env) => startAi(env),
};
