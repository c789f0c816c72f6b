import { DataSource, EntitySchema, MixedList } from 'typeorm';

export interface ServiceDataSourceOptions {
  url: string;
  schema: string;
  // TypeORM's own signature for entity and migration lists.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations?: MixedList<Function | string>;
  poolSize?: number;
  applicationName?: string;
  /** How long connecting, or waiting for a free pooled connection, may take before the query fails (503). */
  connectTimeoutMs?: number;
}

/** A dead or unreachable database fails a request within this, instead of hanging it until the OS gives up. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 5000;

/** One DataSource per service, bound to the service's own schema (ARCHITECTURE §5). */
export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations ?? [],
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: false,
    uuidExtension: 'pgcrypto',
    applicationName: options.applicationName ?? `quartier-${options.schema}`,
    // pg-pool applies it to new connections and to requests queued for a busy pool alike.
    connectTimeoutMS: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    // A terminated idle connection only leaves the pool (TypeORM logs the pool's error event
    // instead of letting it crash the process); the next query opens a fresh one.
    extra: {
      max: options.poolSize ?? 10,
      // Half-open connections (a database host gone without a FIN) are noticed by the OS.
      keepAlive: true,
      // Unqualified SQL in migrations and raw queries lands in the service's schema.
      options: `-c search_path=${options.schema}`,
    },
  });
}
