import { DynamicModule } from '@nestjs/common';
import { DestinationStream } from 'pino';
import { ConfigOf, ConfigSpec, commonConfig, loadConfig } from '@quartier/config';
import { ServiceDataSourceOptions, createServiceDataSource, runMigrations } from '@quartier/db';
import { ServiceName } from '@quartier/contracts-shared';
import { createLogger } from '@quartier/observability';
import { busSettings } from './nats-connection';
import { BootableService, RunningService, startServiceApp } from './service-app';

/** Every domain service's spec spreads `commonConfig`: database, NATS, ops port, log level. */
export type DomainConfigSpec = ConfigSpec & typeof commonConfig;

export interface DomainServiceDefinition<S extends DomainConfigSpec> {
  /** NATS queue group, log and metrics label, prefix of the migrate messages. */
  name: ServiceName;
  configSpec: S;
  module: (config: ConfigOf<S>) => DynamicModule;
  /** The Postgres schema the service owns; its migrations run under an advisory lock on it. */
  schema: string;
  entities: ServiceDataSourceOptions['entities'];
  migrations: ServiceDataSourceOptions['migrations'];
}

/** A domain service: bootable by `main.ts`, the launcher and the test harness, migratable by `migrate.ts`. */
export interface DomainService extends BootableService {
  /** Boots the service; `logDestination` lets specs read what it logs. */
  start(env: NodeJS.ProcessEnv, logDestination?: DestinationStream): Promise<RunningService>;
  /** Applies the pending migrations of the service's schema and returns their names. */
  migrate(env: NodeJS.ProcessEnv): Promise<string[]>;
}

/** The one declaration of a domain service, from which its app and its migrate entry point come. */
export function defineService<S extends DomainConfigSpec>(definition: DomainServiceDefinition<S>): DomainService {
  const { name, configSpec, schema, entities, migrations } = definition;
  return {
    name,
    start: async (env, logDestination) => {
      const config = loadConfig(configSpec, env);
      // S extends DomainConfigSpec, so the common settings are there; TypeScript cannot see through ConfigOf<S>.
      const common = config as ConfigOf<S> & ConfigOf<typeof commonConfig>;
      return startServiceApp({
        name,
        module: definition.module(config),
        bus: busSettings(common, name),
        opsPort: common.OPS_PORT,
        maxConcurrentHandlers: common.MAX_CONCURRENT_HANDLERS,
        maxQueuedHandlers: common.MAX_QUEUED_HANDLERS,
        logger: createLogger(name, common.LOG_LEVEL, logDestination),
        idempotencyRetentionHours: common.IDEMPOTENCY_RETENTION_HOURS,
      });
    },
    migrate: async (env) => {
      // Only the database URL: the Helm Job migrates every app with one shared environment.
      const config = loadConfig({ DATABASE_URL: configSpec.DATABASE_URL }, env);
      const dataSource = await createServiceDataSource({
        url: config.DATABASE_URL,
        schema,
        entities,
        migrations,
        // Migrations run one at a time and the advisory lock has a connection of its own.
        poolSize: 2,
        applicationName: `quartier-${name}-migrate`,
      }).initialize();
      try {
        return await runMigrations(dataSource, schema);
      } finally {
        await dataSource.destroy();
      }
    },
  };
}

/** Entry point of every `migrate.ts` (Helm pre-upgrade Job, launcher): migrates and exits, 1 on failure. */
export function runMigrateMain(service: DomainService): void {
  service.migrate(process.env).then(
    (applied) => {
      process.stdout.write(applied.length > 0 ? `${service.name}: applied ${applied.join(', ')}\n` : `${service.name}: schema up to date\n`);
    },
    (error: Error) => {
      process.stderr.write(`${service.name} migrations failed: ${error.message}\n`);
      process.exit(1);
    },
  );
}
