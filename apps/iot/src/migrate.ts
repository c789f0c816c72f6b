import 'reflect-metadata';
import { loadConfig } from '@quartier/config';
import { createServiceDataSource, runMigrations } from '@quartier/db';
import { iotConfigSpec } from './iot.config';
import { IOT_ENTITIES, IOT_MIGRATIONS, IOT_SCHEMA } from './iot.schema';

/** Runs the iot migrations and exits (Helm pre-upgrade Job, launcher). */
async function migrate(): Promise<void> {
  const config = loadConfig(iotConfigSpec, process.env);
  const dataSource = await createServiceDataSource({ url: config.DATABASE_URL, schema: IOT_SCHEMA, entities: IOT_ENTITIES, migrations: IOT_MIGRATIONS, poolSize: 1 }).initialize();
  try {
    const applied = await runMigrations(dataSource, IOT_SCHEMA);
    process.stdout.write(`iot: ${applied.length === 0 ? 'no pending migrations' : `applied ${applied.join(', ')}`}\n`);
  } finally {
    await dataSource.destroy();
  }
}

migrate().catch((error: Error) => {
  process.stderr.write(`iot migrations failed: ${error.message}\n`);
  process.exit(1);
});
