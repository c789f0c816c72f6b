import { Column, Entity, MigrationInterface, PrimaryColumn, QueryRunner } from 'typeorm';
import { Client } from 'pg';
import { OrgScopedRepository, createServiceDataSource, runMigrations } from '../src';

@Entity({ name: 'notes' })
class NoteEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ type: 'text' }) text!: string;
}

class CreateNotes1700000000001 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    // Slow on purpose: concurrent runners must wait for the lock, not race.
    await runner.query('SELECT pg_sleep(0.2)');
    await runner.query('CREATE TABLE notes (id uuid PRIMARY KEY, organization_id uuid NOT NULL, text text NOT NULL)');
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE notes');
  }
}

const ORG_A = '11111111-1111-4111-8111-111111111111';
const ORG_B = '22222222-2222-4222-8222-222222222222';

const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function onServer(sql: string): Promise<void> {
  const client = new Client({ connectionString: SERVER_URL });
  await client.connect();
  await client.query(sql);
  await client.end();
}

describe('db', () => {
  const name = `qt_test_db_${Date.now().toString(36)}`;
  const database = { url: SERVER_URL.replace(/\/[^/]*$/, `/${name}`) };

  // The testing lib builds on this one, so the spec makes its own database.
  beforeAll(() => onServer(`CREATE DATABASE "${name}"`));
  afterAll(() => onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

  const dataSource = () =>
    createServiceDataSource({ url: database.url, schema: 'notes', entities: [NoteEntity], migrations: [CreateNotes1700000000001], poolSize: 1 });

  it('runs migrations once when several processes start together, even with a pool of one', async () => {
    const sources = await Promise.all([dataSource().initialize(), dataSource().initialize(), dataSource().initialize()]);
    const applied = await Promise.all(sources.map((source) => runMigrations(source, 'notes')));
    expect(applied.flat()).toEqual(['CreateNotes1700000000001']);
    await Promise.all(sources.map((source) => source.destroy()));
    const client = new Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query("SELECT count(*)::int AS count FROM notes.migrations");
    await client.end();
    expect(rows[0].count).toBe(1);
  });

  it('keeps every organization to its own rows', async () => {
    const source = await dataSource().initialize();
    const notes = new OrgScopedRepository(NoteEntity, source.manager);
    const mine = await notes.insert(ORG_A, { id: '33333333-3333-4333-8333-333333333333', text: 'mine' });
    await notes.insert(ORG_B, { id: '44444444-4444-4444-8444-444444444444', text: 'theirs' });
    expect(await notes.findById(ORG_B, mine.id)).toBeNull();
    expect(await notes.deleteById(ORG_B, mine.id)).toBe(false);
    expect((await notes.find(ORG_A)).map((note) => note.text)).toEqual(['mine']);
    const [page, total] = await notes.findPage(ORG_B, { page: 1, size: 10 });
    expect([page.map((note) => note.text), total]).toEqual([['theirs'], 1]);
    await expect(notes.save(ORG_B, mine)).rejects.toThrow('another organization');
    expect(await notes.query(ORG_A, 'n').getCount()).toBe(1);
    await source.destroy();
  });
});
