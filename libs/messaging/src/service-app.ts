import { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'pino';
import { Metrics, NestPinoLogger } from '@quartier/observability';
import { CallerContextInterceptor } from './caller.interceptor';
import { BusSettings, callerVerifier, natsTransportOptions } from './nats-connection';
import { PrefixedNatsServer } from './prefixed-nats.server';
import { RpcMetricsInterceptor } from './rpc-metrics.interceptor';
import { AllRpcExceptionsFilter } from './rpc-exception.filter';
import { rpcValidationPipe } from './validation';

export interface ServiceAppOptions {
  /** Service name: NATS queue group and log/metrics label. */
  name: string;
  module: Type<unknown> | DynamicModule;
  /** How the service joins the bus; its NATS server verifies every caller context with it. */
  bus: BusSettings;
  opsPort: number;
  logger: Logger;
}

export interface RunningService {
  app: INestApplication;
  opsUrl: string;
  close(): Promise<void>;
}

/**
 * A domain service as a Nest hybrid app: NATS handlers in the service's queue group, plus a
 * small ops HTTP port (health, metrics). Used by every `main.ts` and by the test harness.
 */
export async function startServiceApp(options: ServiceAppOptions): Promise<RunningService> {
  const app = await NestFactory.create<NestFastifyApplication>(options.module, new FastifyAdapter(), {
    logger: new NestPinoLogger(options.logger),
    bufferLogs: false,
  });
  app.enableShutdownHooks();
  // Set before connecting: the NATS handlers are wired with the configuration at that moment.
  app.useGlobalInterceptors(new CallerContextInterceptor(), new RpcMetricsInterceptor(app.get(Metrics)));
  app.useGlobalPipes(rpcValidationPipe());
  app.useGlobalFilters(new AllRpcExceptionsFilter(app.getHttpAdapter()));
  const server = new PrefixedNatsServer(natsTransportOptions(options.bus), options.bus.prefix, options.name, callerVerifier(options.bus));
  app.connectMicroservice({ strategy: server }, { inheritAppConfig: true });
  try {
    // Start-up hooks (migrations, broker connections) first: a service that cannot start must
    // never have joined its NATS queue group, where it would answer requests with errors.
    await app.init();
    await app.startAllMicroservices();
    // Ready means requests find the handlers: the server has registered every subscription.
    await server.subscribed();
    await app.listen(options.opsPort, '0.0.0.0');
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : options.opsPort;
  return { app, opsUrl: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/** A service the launcher and the test harness can boot with a given environment. */
export interface BootableService {
  name: string;
  start(env: NodeJS.ProcessEnv): Promise<{ close(): Promise<void> }>;
}

/** Entry point of every `main.ts`: boots the service or explains why it cannot. */
export function runMain(service: BootableService): void {
  service.start(process.env).catch((error: Error) => {
    process.stderr.write(`${service.name} failed to start: ${error.message}\n`);
    process.exit(1);
  });
}
