import { MigrationInterface, QueryRunner } from 'typeorm';
import { MESSAGING_TABLES_SQL } from '@quartier/db';

export class InitIot1763800000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    for (const sql of MESSAGING_TABLES_SQL) await runner.query(sql);
    await runner.query(`CREATE TABLE devices (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      name text NOT NULL,
      type text NOT NULL,
      unit_id uuid,
      building_id uuid,
      manufacturer text,
      model text,
      serial_number text,
      metrics text[] NOT NULL DEFAULT '{}',
      credentials jsonb,
      active boolean NOT NULL DEFAULT true,
      online boolean NOT NULL DEFAULT false,
      last_seen_at timestamptz,
      state jsonb NOT NULL DEFAULT '{}',
      metadata jsonb NOT NULL DEFAULT '{}',
      discovery_topics text[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    ) WITH (fillfactor = 80)`);
    await runner.query('CREATE INDEX devices_org_idx ON devices (organization_id, created_at)');
    await runner.query('CREATE INDEX devices_unit_idx ON devices (organization_id, unit_id)');
    await runner.query('CREATE INDEX devices_online_idx ON devices (last_seen_at) WHERE online');
    // Time series: no key, two indexes for the two access paths (one device, whole organization).
    await runner.query(`CREATE TABLE readings (
      organization_id uuid NOT NULL,
      device_id uuid NOT NULL,
      metric text NOT NULL,
      value double precision NOT NULL,
      recorded_at timestamptz NOT NULL,
      stored_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query('CREATE INDEX readings_device_time_idx ON readings (device_id, recorded_at)');
    await runner.query('CREATE INDEX readings_org_time_idx ON readings (organization_id, recorded_at)');
    // Rewritten constantly: free space on each page lets Postgres update in place (HOT).
    await runner.query(`CREATE TABLE latest_readings (
      device_id uuid NOT NULL,
      metric text NOT NULL,
      organization_id uuid NOT NULL,
      value double precision NOT NULL,
      recorded_at timestamptz NOT NULL,
      PRIMARY KEY (device_id, metric)
    ) WITH (fillfactor = 70)`);
    await runner.query(`CREATE TABLE device_events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      device_id uuid NOT NULL,
      type text NOT NULL,
      payload jsonb NOT NULL,
      occurred_at timestamptz NOT NULL
    )`);
    await runner.query('CREATE INDEX device_events_device_idx ON device_events (device_id, occurred_at)');
    await runner.query(`CREATE TABLE automation_rules (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      name text NOT NULL,
      description text,
      enabled boolean NOT NULL DEFAULT true,
      trigger_type text NOT NULL,
      trigger_device_id uuid,
      trigger jsonb NOT NULL,
      conditions jsonb NOT NULL DEFAULT '[]',
      actions jsonb NOT NULL,
      firing boolean NOT NULL DEFAULT false,
      pending_since timestamptz,
      last_fired_at timestamptz,
      fire_count integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query('CREATE INDEX automation_rules_device_idx ON automation_rules (trigger_device_id) WHERE enabled');
    await runner.query('CREATE INDEX automation_rules_org_idx ON automation_rules (organization_id, created_at)');
    await runner.query(`CREATE TABLE alerts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      device_id uuid NOT NULL,
      unit_id uuid,
      building_id uuid,
      rule_id uuid,
      severity text NOT NULL,
      kind text NOT NULL,
      title text NOT NULL,
      message text NOT NULL,
      metric text,
      value double precision,
      status text NOT NULL DEFAULT 'open',
      raised_at timestamptz NOT NULL DEFAULT now(),
      acknowledged_at timestamptz,
      acknowledged_by uuid,
      resolved_at timestamptz,
      resolved_by uuid,
      note text
    )`);
    await runner.query('CREATE INDEX alerts_org_idx ON alerts (organization_id, raised_at)');
    await runner.query(`CREATE INDEX alerts_open_idx ON alerts (device_id, kind) WHERE status <> 'resolved'`);
    await runner.query(`CREATE TABLE commands (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      device_id uuid NOT NULL,
      command text NOT NULL,
      params jsonb NOT NULL DEFAULT '{}',
      status text NOT NULL DEFAULT 'pending',
      rule_id uuid,
      response jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz,
      completed_at timestamptz
    )`);
    await runner.query('CREATE INDEX commands_org_idx ON commands (organization_id, created_at)');
    await runner.query(`CREATE INDEX commands_open_idx ON commands (created_at) WHERE status IN ('pending', 'sent')`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['commands', 'alerts', 'automation_rules', 'device_events', 'latest_readings', 'readings', 'devices', 'inbox', 'outbox']) {
      await runner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
