import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createServiceDataSource } from '../src/data-source';
import { isDatabaseConnectionLoss } from '../src/connection-loss';
import { OutboxWriter } from '../src/outbox';
import { MESSAGING_TABLES_SQL, OutboxEntity } from '../src/outbox.entity';

const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('a service pool when Postgres ends its sessions', () => {
  const name = `qt_pool_${randomBytes(4).toString('hex')}`;
  let dataSource: DataSource;

  beforeAll(async () => {
    await admin((client) => client.query(`CREATE DATABASE "${name}"`));
    const url = new URL(SERVER_URL);
    url.pathname = `/${name}`;
    dataSource = await createServiceDataSource({ url: url.toString(), schema: 'public', entities: [OutboxEntity], poolSize: 3 }).initialize();
    for (const sql of MESSAGING_TABLES_SQL) await dataSource.query(sql);
  });

  const terminateAll = (): Promise<unknown> =>
    admin((client) => client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]));

  afterAll(async () => {
    await dataSource?.destroy();
    await admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  });

  it('fails the queries caught by the termination as a connection loss and serves the next ones without a restart', async () => {
    // Fill the pool, so the terminated sessions are idle pooled ones and one busy in a query.
    await Promise.all([1, 2, 3].map(() => dataSource.query('SELECT 1')));
    const busy = dataSource.query('SELECT pg_sleep(5)').then(
      () => undefined,
      (error: unknown) => error,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await terminateAll();

    const failure = await busy;
    expect(isDatabaseConnectionLoss(failure)).toBe(true);
    const after = await Promise.all(
      [1, 2, 3, 4].map(() =>
        dataSource.query('SELECT 1 AS one').then(
          (rows: unknown) => rows,
          (error: unknown) => {
            // A pooled session whose end the client has not read yet fails once, as a connection loss.
            expect(isDatabaseConnectionLoss(error)).toBe(true);
            return undefined;
          },
        ),
      ),
    );
    expect(after.filter(Boolean).length).toBeGreaterThanOrEqual(1);
    await expect(dataSource.query('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
  });

  it('writes each outbox event exactly once across the termination of its connection', async () => {
    const writer = new OutboxWriter(dataSource);
    await Promise.all([1, 2, 3].map(() => dataSource.query('SELECT 1')));
    await terminateAll();
    const ids = await Promise.all([1, 2, 3].map((index) => writer.add('00000000-0000-4000-8000-000000000001', 'test.thing.done', { index })));
    const rows: { id: string }[] = await dataSource.query('SELECT id FROM outbox WHERE type = $1', ['test.thing.done']);
    expect(rows.map((row) => row.id).sort()).toEqual([...ids].sort());
  });
});
