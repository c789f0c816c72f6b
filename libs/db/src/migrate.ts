import { DataSource } from 'typeorm';

/**
 * Runs pending migrations under a Postgres advisory lock keyed by the schema, so replicas or a
 * Helm pre-upgrade Job starting together never run the same migration twice.
 */
export async function runMigrations(dataSource: DataSource, schema: string): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`quartier-migrate-${schema}`]);
    try {
      await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`quartier-migrate-${schema}`]);
    }
  } finally {
    await runner.release();
  }
}
