import { loadConfig } from '@quartier/config';
import { createServiceDataSource, runMigrations } from '@quartier/db';
import { publishingConfigSpec } from './publishing.config';
import { PUBLISHING_ENTITIES, PUBLISHING_MIGRATIONS, PUBLISHING_SCHEMA } from './publishing.schema';

/** Applies the publishing migrations and exits (Helm pre-upgrade Job, launcher). */
async function main(): Promise<void> {
  const config = loadConfig(publishingConfigSpec, process.env);
  const dataSource = await createServiceDataSource({
    url: config.DATABASE_URL,
    schema: PUBLISHING_SCHEMA,
    entities: PUBLISHING_ENTITIES,
    migrations: PUBLISHING_MIGRATIONS,
    // One connection holds the advisory lock while another runs the migrations.
    poolSize: 2,
  }).initialize();
  try {
    const applied = await runMigrations(dataSource, PUBLISHING_SCHEMA);
    process.stdout.write(`publishing: ${applied.length} migration(s) applied${applied.length ? `: ${applied.join(', ')}` : ''}\n`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`publishing migrate failed: ${error.message}\n`);
  process.exit(1);
});
