import { MigrationInterface, QueryRunner } from 'typeorm';
import { MESSAGING_TABLES_SQL } from '@quartier/db';

/** Channel credentials, listings, their publications per channel and the publishing jobs, plus the outbox/inbox tables. */
export class Initial1765200000000 implements MigrationInterface {
  name = 'Initial1765200000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const sql of MESSAGING_TABLES_SQL) await runner.query(sql);
    await runner.query(`CREATE TABLE channel_configs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      channel text NOT NULL,
      enabled boolean NOT NULL DEFAULT true,
      settings jsonb NOT NULL DEFAULT '{}',
      sealed_secrets text,
      secret_names text[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organization_id, channel)
    )`);
    await runner.query(`CREATE TABLE listings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      property_id uuid NOT NULL,
      unit_id uuid,
      status text NOT NULL DEFAULT 'draft',
      marketing_type text NOT NULL,
      title text NOT NULL,
      description text,
      price_cents bigint,
      currency char(3) NOT NULL DEFAULT 'EUR',
      additional_costs_cents bigint,
      heating_costs_cents bigint,
      deposit_cents bigint,
      commission text,
      living_area numeric(12, 2),
      rooms numeric(6, 1),
      energy_certificate jsonb,
      features text[] NOT NULL DEFAULT '{}',
      contact jsonb,
      images jsonb NOT NULL DEFAULT '[]',
      object jsonb NOT NULL,
      withdrawn_reason text,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query('CREATE INDEX listings_org_created_idx ON listings (organization_id, created_at)');
    await runner.query('CREATE INDEX listings_org_unit_idx ON listings (organization_id, unit_id)');
    // feed_action/feed_pending: the OpenImmo aktion not yet delivered in a delta feed.
    await runner.query(`CREATE TABLE publications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      listing_id uuid NOT NULL REFERENCES listings (id) ON DELETE CASCADE,
      channel text NOT NULL,
      status text NOT NULL,
      external_id text,
      url text,
      last_error text,
      published_at timestamptz,
      feed_action text,
      feed_pending boolean NOT NULL DEFAULT false,
      feed_changed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (listing_id, channel)
    )`);
    await runner.query('CREATE INDEX publications_org_channel_idx ON publications (organization_id, channel, status)');
    await runner.query(`CREATE TABLE jobs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      listing_id uuid NOT NULL REFERENCES listings (id) ON DELETE CASCADE,
      channel text NOT NULL,
      action text NOT NULL,
      status text NOT NULL DEFAULT 'pending',
      attempts integer NOT NULL DEFAULT 0,
      max_attempts integer NOT NULL,
      run_after timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      finished_at timestamptz,
      last_error text,
      external_id text,
      url text,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    // One open job per listing and channel: asking again while it waits returns that job.
    await runner.query("CREATE UNIQUE INDEX jobs_open_uq ON jobs (listing_id, channel) WHERE status IN ('pending', 'running')");
    await runner.query("CREATE INDEX jobs_due_idx ON jobs (run_after) WHERE status = 'pending'");
    await runner.query('CREATE INDEX jobs_org_created_idx ON jobs (organization_id, created_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['jobs', 'publications', 'listings', 'channel_configs', 'inbox', 'outbox']) await runner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
