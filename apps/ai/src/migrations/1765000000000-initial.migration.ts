import { MigrationInterface, QueryRunner } from 'typeorm';
import { MESSAGING_TABLES_SQL } from '@quartier/db';

/** Sources and their chunks, conversations with messages, per-minute request counters, outbox/inbox. */
export class Initial1765000000000 implements MigrationInterface {
  name = 'Initial1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const sql of MESSAGING_TABLES_SQL) await runner.query(sql);
    await runner.query(`CREATE TABLE sources (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      source_ref text NOT NULL,
      title text NOT NULL,
      kind text NOT NULL,
      visibility text NOT NULL DEFAULT 'staff',
      file_name text,
      content_type text,
      status text NOT NULL DEFAULT 'processing',
      error text,
      chunk_count integer NOT NULL DEFAULT 0,
      char_count integer NOT NULL DEFAULT 0,
      revision integer NOT NULL DEFAULT 1,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    // Re-ingesting the same reference replaces the source's chunks instead of adding a copy.
    await runner.query('CREATE UNIQUE INDEX sources_ref_uq ON sources (organization_id, source_ref)');
    await runner.query('CREATE INDEX sources_org_idx ON sources (organization_id, updated_at DESC)');
    await runner.query(`CREATE TABLE chunks (
      id uuid PRIMARY KEY,
      organization_id uuid NOT NULL,
      source_id uuid NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
      position integer NOT NULL,
      content text NOT NULL,
      char_start integer NOT NULL,
      char_end integer NOT NULL
    )`);
    await runner.query('CREATE INDEX chunks_source_idx ON chunks (organization_id, source_id, position)');
    await runner.query(`CREATE TABLE conversations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      user_id uuid NOT NULL,
      title text NOT NULL,
      message_count integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query('CREATE INDEX conversations_user_idx ON conversations (organization_id, user_id, updated_at DESC)');
    await runner.query(`CREATE TABLE messages (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('user', 'assistant')),
      content text NOT NULL,
      citations jsonb NOT NULL DEFAULT '[]',
      tool_calls jsonb NOT NULL DEFAULT '[]',
      created_at timestamptz NOT NULL DEFAULT clock_timestamp()
    )`);
    await runner.query('CREATE INDEX messages_conversation_idx ON messages (organization_id, conversation_id, created_at)');
    await runner.query(`CREATE TABLE request_windows (
      organization_id uuid NOT NULL,
      window_start timestamptz NOT NULL,
      count integer NOT NULL,
      PRIMARY KEY (organization_id, window_start)
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['request_windows', 'messages', 'conversations', 'chunks', 'sources']) await runner.query(`DROP TABLE ${table}`);
  }
}
