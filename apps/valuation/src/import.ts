import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '@quartier/config';
import { createServiceDataSource, runMigrations } from '@quartier/db';
import { importMarketSales } from './modules/market-data/market-import';
import { valuationConfigSpec } from './valuation.config';
import { VALUATION_ENTITIES, VALUATION_MIGRATIONS, VALUATION_SCHEMA } from './valuation.schema';

const USAGE = 'usage: npm run valuation:import -- <sales.csv> [--source king-county] [--currency USD]';

/**
 * Operator import of platform market data (King County CSV format: sqft and USD, converted to m²
 * and cents). Idempotent: a sale already imported from the same source is skipped. Refit the
 * models afterwards (POST /api/v1/avm/models/refit, or restart the service).
 */
async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { source: { type: 'string', default: 'king-county' }, currency: { type: 'string', default: 'USD' } },
  });
  if (positionals.length !== 1 || !/^[A-Z]{3}$/.test(values.currency)) throw new Error(USAGE);
  const config = loadConfig(valuationConfigSpec, process.env);
  const dataSource = await createServiceDataSource({
    url: config.DATABASE_URL,
    schema: VALUATION_SCHEMA,
    entities: VALUATION_ENTITIES,
    migrations: VALUATION_MIGRATIONS,
    poolSize: 2,
  }).initialize();
  try {
    await runMigrations(dataSource, VALUATION_SCHEMA);
    const result = await importMarketSales(dataSource, positionals[0], { source: values.source, currency: values.currency });
    for (const { line, reason } of result.rejected.slice(0, 20)) process.stdout.write(`line ${line} rejected: ${reason}\n`);
    process.stdout.write(
      `valuation import: ${result.read} sales read, ${result.inserted} inserted, ${result.skipped} already imported, ${result.rejected.length} rejected (source ${values.source}, ${values.currency})\n`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`valuation import failed: ${error.message}\n`);
  process.exit(1);
});
