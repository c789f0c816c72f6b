import { loadConfig } from '@quartier/config';
import { createServiceDataSource, runMigrations } from '@quartier/db';
import { identityConfigSpec } from './identity.config';
import { IDENTITY_SCHEMA, identityEntities } from './identity.entities';
import { identityMigrations } from './migrations';

/** `node dist/apps/identity/apps/identity/src/migrate.js`: applies identity's migrations and exits (Helm Job, launcher). */
async function migrate(): Promise<void> {
  const config = loadConfig(identityConfigSpec, process.env);
  const dataSource = await createServiceDataSource({
    url: config.DATABASE_URL,
    schema: IDENTITY_SCHEMA,
    entities: identityEntities,
    migrations: identityMigrations,
    // One connection holds the advisory lock while another runs the migrations.
    poolSize: 2,
    applicationName: 'quartier-identity-migrate',
  }).initialize();
  try {
    const applied = await runMigrations(dataSource, IDENTITY_SCHEMA);
    process.stdout.write(applied.length > 0 ? `identity: applied ${applied.join(', ')}\n` : 'identity: schema up to date\n');
  } finally {
    await dataSource.destroy();
  }
}

migrate().catch((error: Error) => {
  process.stderr.write(`identity migrations failed: ${error.message}\n`);
  process.exit(1);
});
