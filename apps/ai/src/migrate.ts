import { loadConfig } from '@quartier/config';
import { createServiceDataSource, runMigrations } from '@quartier/db';
import { aiConfigSpec } from './ai.config';
import { AI_ENTITIES, AI_SCHEMA } from './app.module';
import { AI_MIGRATIONS } from './migrations';

/** Applies the ai migrations and exits (Helm pre-upgrade Job, launcher). */
async function main(): Promise<void> {
  const config = loadConfig(aiConfigSpec, process.env);
  const dataSource = await createServiceDataSource({
    url: config.DATABASE_URL,
    schema: AI_SCHEMA,
    entities: AI_ENTITIES,
    migrations: AI_MIGRATIONS,
    // One connection holds the advisory lock while another runs the migrations.
    poolSize: 2,
  }).initialize();
  try {
    const applied = await runMigrations(dataSource, AI_SCHEMA);
    process.stdout.write(`ai: ${applied.length} migration(s) applied${applied.length ? `: ${applied.join(', ')}` : ''}\n`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`ai migrate failed: ${error.message}\n`);
  process.exit(1);
});
