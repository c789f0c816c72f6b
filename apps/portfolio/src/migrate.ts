import { loadConfig } from '@quartier/config';
import { InboxEntity, OutboxEntity, createServiceDataSource, runMigrations } from '@quartier/db';
import { portfolioMigrations } from './migrations';
import { PORTFOLIO_ENTITIES, PORTFOLIO_SCHEMA } from './portfolio.entities';
import { portfolioConfigSpec } from './portfolio.config';

/** `node dist/apps/portfolio/src/migrate.js`: applies pending migrations and exits (Helm Job, launcher). */
async function migrate(): Promise<void> {
  const config = loadConfig(portfolioConfigSpec, process.env);
  const dataSource = await createServiceDataSource({
    url: config.DATABASE_URL,
    schema: PORTFOLIO_SCHEMA,
    entities: [...PORTFOLIO_ENTITIES, OutboxEntity, InboxEntity],
    migrations: portfolioMigrations,
    // One connection holds the advisory lock while the migrations run on another.
    poolSize: 2,
  }).initialize();
  try {
    const applied = await runMigrations(dataSource, PORTFOLIO_SCHEMA);
    process.stdout.write(applied.length > 0 ? `portfolio: applied ${applied.join(', ')}\n` : 'portfolio: schema up to date\n');
  } finally {
    await dataSource.destroy();
  }
}

migrate().catch((error: Error) => {
  process.stderr.write(`portfolio migrations failed: ${error.message}\n`);
  process.exit(1);
});
