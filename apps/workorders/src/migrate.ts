import { loadConfig } from '@quartier/config';
import { createServiceDataSource, runMigrations } from '@quartier/db';
import { WORKORDERS_ENTITIES, WORKORDERS_SCHEMA } from './app.module';
import { WORKORDERS_MIGRATIONS } from './migrations';
import { workordersConfigSpec } from './workorders.config';

/** Applies the workorders migrations and exits (Helm pre-upgrade Job, launcher). */
async function main(): Promise<void> {
  const config = loadConfig(workordersConfigSpec, process.env);
  const dataSource = await createServiceDataSource({
    url: config.DATABASE_URL,
    schema: WORKORDERS_SCHEMA,
    entities: WORKORDERS_ENTITIES,
    migrations: WORKORDERS_MIGRATIONS,
    // One connection holds the advisory lock while another runs the migrations.
    poolSize: 2,
  }).initialize();
  try {
    const applied = await runMigrations(dataSource, WORKORDERS_SCHEMA);
    process.stdout.write(`workorders: ${applied.length} migration(s) applied${applied.length ? `: ${applied.join(', ')}` : ''}\n`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`workorders migrate failed: ${error.message}\n`);
  process.exit(1);
});
