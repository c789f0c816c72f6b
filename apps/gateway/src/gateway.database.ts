import { loadConfig } from '@quartier/config';
import { CreateMessagingTables1796800000000, InboxEntity, OutboxEntity, createServiceDataSource, runMigrations } from '@quartier/db';
import { gatewayConfigSpec } from './gateway.config';

/** The gateway's own schema: only the outbox its audit events wait in until NATS takes them. */
export const GATEWAY_SCHEMA = 'gateway';
export const GATEWAY_ENTITIES = [OutboxEntity, InboxEntity];
export const GATEWAY_MIGRATIONS = [CreateMessagingTables1796800000000];

/** Applies the gateway's pending migrations (launcher, Helm Job) and returns their names. */
export async function migrateGateway(env: NodeJS.ProcessEnv): Promise<string[]> {
  const config = loadConfig({ DATABASE_URL: gatewayConfigSpec.DATABASE_URL }, env);
  const dataSource = await createServiceDataSource({
    url: config.DATABASE_URL,
    schema: GATEWAY_SCHEMA,
    entities: GATEWAY_ENTITIES,
    migrations: GATEWAY_MIGRATIONS,
    poolSize: 2,
    applicationName: 'quartier-gateway-migrate',
  }).initialize();
  try {
    return await runMigrations(dataSource, GATEWAY_SCHEMA);
  } finally {
    await dataSource.destroy();
  }
}
