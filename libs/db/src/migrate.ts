import { Client } from 'pg';
import { DataSource } from 'typeorm';

/**
 * Runs pending migrations under a Postgres advisory lock keyed by the schema, so replicas or a
 * Helm pre-upgrade Job starting together never run the same migration twice. The lock lives on
 * its own connection, outside the DataSource's pool, so even a pool of one can run migrations.
 */
export async function runMigrations(dataSource: DataSource, schema: string): Promise<string[]> {
  const options = dataSource.options;
  const url = options.type === 'postgres' ? options.url : undefined;
  if (!url) throw new Error('runMigrations needs a Postgres DataSource configured with a url');
  const lock = new Client({ connectionString: url, application_name: `quartier-migrate-lock-${schema}` });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [`quartier-migrate-${schema}`]);
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    // Closing the session releases the advisory lock too.
    await lock.end();
  }
}
