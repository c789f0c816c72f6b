import { loadConfig } from '@quartier/config';
import { createServiceDataSource, runMigrations } from '@quartier/db';
import { valuationConfigSpec } from './valuation.config';
import { VALUATION_ENTITIES, VALUATION_MIGRATIONS, VALUATION_SCHEMA } from './valuation.schema';

/** Applies the valuation migrations and exits (Helm pre-upgrade Job, launcher). */
async function main(): Promise<void> {
  const config = loadConfig(valuationConfigSpec, process.env);
  const dataSource = await createServiceDataSource({
    url: config.DATABASE_URL,
    schema: VALUATION_SCHEMA,
    entities: VALUATION_ENTITIES,
    migrations: VALUATION_MIGRATIONS,
    // One connection holds the advisory lock while another runs the migrations.
    poolSize: 2,
  }).initialize();
  try {
    const applied = await runMigrations(dataSource, VALUATION_SCHEMA);
    process.stdout.write(`valuation: ${applied.length} migration(s) applied${applied.length ? `: ${applied.join(', ')}` : ''}\n`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`valuation migrate failed: ${error.message}\n`);
  process.exit(1);
});
