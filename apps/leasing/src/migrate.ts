import 'reflect-metadata';
import { commonConfig, loadConfig } from '@quartier/config';
import { createServiceDataSource, runMigrations } from '@quartier/db';
import { LEASING_ENTITIES, LEASING_MIGRATIONS } from './leasing.schema';

/** Applies the leasing migrations and exits (Helm pre-upgrade Job, launcher). */
async function main(): Promise<void> {
  const config = loadConfig({ DATABASE_URL: commonConfig.DATABASE_URL }, process.env);
  const dataSource = await createServiceDataSource({ url: config.DATABASE_URL, schema: 'leasing', entities: LEASING_ENTITIES, migrations: LEASING_MIGRATIONS }).initialize();
  try {
    const applied = await runMigrations(dataSource, 'leasing');
    process.stdout.write(`leasing: ${applied.length} migration(s) applied\n`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`leasing migrations failed: ${error.message}\n`);
  process.exit(1);
});
