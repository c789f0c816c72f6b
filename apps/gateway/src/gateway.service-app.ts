import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'pino';
import { loadConfig } from '@quartier/config';
import { BootableService } from '@quartier/messaging';
import { Metrics, NestPinoLogger, createLogger } from '@quartier/observability';
import { AppModule } from './app.module';
import { GatewayConfig, gatewayConfigSpec } from './gateway.config';
import { setUpApiDocs } from './platform/api-docs';
import { AuditPublisher } from './platform/audit.publisher';
import { installEdgeHooks, installRequestIdHook } from './platform/edge-hooks';
import { LISTEN_BACKLOG, installLoadShedding } from './platform/load-shedding.hook';
import { installInputGuard } from './platform/input-guard';
import { installJsonBodyParser } from './platform/json-body';
import { isStripeWebhook } from './modules/leasing/stripe-raw-body';
import { installRealtime } from './modules/realtime/realtime.upgrade';
import { GATEWAY_LOGGER } from './platform/platform.module';
import { RateLimiter } from './platform/rate-limit';
import { Authenticator } from './security/authenticator';

export const API_PREFIX = 'api/v1';

export interface RunningGateway {
  app: NestFastifyApplication;
  /** Base URL of the listening server, e.g. `http://127.0.0.1:3000`. */
  url: string;
  close(): Promise<void>;
}

export interface GatewayService extends BootableService {
  start(env: NodeJS.ProcessEnv): Promise<RunningGateway>;
}

type NestFastifyPlugin = Parameters<NestFastifyApplication['register']>[0];

/** Nest bundles its own copy of fastify; the plugins' types name the root copy (same major, same runtime API). */
function asPlugin(plugin: unknown): NestFastifyPlugin {
  return plugin as NestFastifyPlugin;
}

/** Builds the gateway (not listening yet): Fastify edge hooks, plugins, Nest routes, OpenAPI. */
export async function createGatewayApp(config: GatewayConfig): Promise<NestFastifyApplication> {
  const logger = createLogger('gateway', config.LOG_LEVEL);
  // Behind trusted proxies the client address (rate limit per IP, audit) comes from X-Forwarded-For.
  const trustProxy = config.TRUSTED_PROXIES.length > 0 ? config.TRUSTED_PROXIES : false;
  const adapter = new FastifyAdapter({ bodyLimit: config.BODY_LIMIT_BYTES, trustProxy });
  installRequestIdHook(adapter.getInstance());
  installJsonBodyParser(adapter.getInstance(), { keepsRawBody: isStripeWebhook });
  installInputGuard(adapter.getInstance());
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, logger), adapter, {
    logger: new NestPinoLogger(logger),
    bufferLogs: false,
    // JSON goes through the guarded parser above; Nest's own would replace it (and accept forms).
    bodyParser: false,
  });
  app.enableShutdownHooks();
  if (config.CORS_ORIGINS.length > 0) {
    app.enableCors({
      origin: config.CORS_ORIGINS.includes('*') ? true : config.CORS_ORIGINS,
      credentials: !config.CORS_ORIGINS.includes('*'),
      exposedHeaders: ['X-Request-ID', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset', 'Retry-After'],
    });
  }
  await app.register(asPlugin(helmet), { global: true });
  await app.register(asPlugin(multipart), { limits: { fileSize: config.AVATAR_MAX_BYTES, files: 1, fields: 5 } });
  await installRealtime(app, API_PREFIX);
  installEdgeHooks(adapter.getInstance(), {
    authenticator: app.get(Authenticator),
    rateLimiter: app.get(RateLimiter),
    audit: app.get(AuditPublisher),
    metrics: app.get(Metrics),
    logger: app.get(GATEWAY_LOGGER),
  });
  installLoadShedding(adapter.getInstance(), config);
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'metrics'] });
  setUpApiDocs(app);
  return app;
}

export const gatewayService: GatewayService = {
  name: 'gateway',
  start: async (env) => {
    const config = loadConfig(gatewayConfigSpec, env);
    const app = await createGatewayApp(config);
    await app.listen({ port: config.PORT, host: config.HOST, backlog: LISTEN_BACKLOG });
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? '127.0.0.1' : config.HOST;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    app.get<symbol, Logger>(GATEWAY_LOGGER).info({ url, docs: `${url}/docs` }, 'gateway listening');
    return { app, url, close: () => app.close() };
  },
};
