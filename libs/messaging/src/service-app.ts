import { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { Metrics, NestPinoLogger } from '@quartier/observability';
import { CallerContextInterceptor } from './caller.interceptor';
import { HandlerSlotsInterceptor } from './handler-slots.interceptor';
import { IdempotencyCleanup } from './idempotency/idempotency-cleanup';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyRepository } from './idempotency/idempotency.repository';
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
  /** NATS handlers run at once (MAX_CONCURRENT_HANDLERS); unbounded when not given. */
  maxConcurrentHandlers?: number;
  /** Requests that may wait for a handler (MAX_QUEUED_HANDLERS), 503 beyond; unbounded when not given. */
  maxQueuedHandlers?: number;
  /** How long Idempotency-Keys are kept (IDEMPOTENCY_RETENTION_HOURS); 24 h when not given. */
  idempotencyRetentionHours?: number;
}

/** The least a key is kept (ARCHITECTURE §7): a client retrying the next day is still safe. */
const DEFAULT_IDEMPOTENCY_RETENTION_HOURS = 24;

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
  const idempotency = idempotencyRecords(app);
  app.useGlobalInterceptors(
    new HandlerSlotsInterceptor(
      { maxConcurrent: options.maxConcurrentHandlers ?? Infinity, maxQueued: options.maxQueuedHandlers ?? Infinity },
      app.get(Metrics),
    ),
    new CallerContextInterceptor(),
    new RpcMetricsInterceptor(app.get(Metrics)),
    ...(idempotency ? [new IdempotencyInterceptor(app.get(Reflector), idempotency.records, { timeoutMs: options.bus.timeoutMs })] : []),
  );
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
  const cleanup = idempotency
    ? new IdempotencyCleanup(idempotency.records, options.idempotencyRetentionHours ?? DEFAULT_IDEMPOTENCY_RETENTION_HOURS, () => idempotency.dataSource.isInitialized)
    : undefined;
  cleanup?.start();
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : options.opsPort;
  const close = async (): Promise<void> => {
    await cleanup?.stop();
    await app.close();
  };
  return { app, opsUrl: `http://127.0.0.1:${port}`, close };
}

/** The service's Idempotency-Key table: in its database, so none for an app without one. */
function idempotencyRecords(app: INestApplication): { dataSource: DataSource; records: IdempotencyRepository } | undefined {
  let dataSource: DataSource;
  try {
    dataSource = app.get(DataSource, { strict: false });
  } catch {
    return undefined;
  }
  return { dataSource, records: new IdempotencyRepository(dataSource) };
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
