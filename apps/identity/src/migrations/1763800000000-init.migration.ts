import { MigrationInterface, QueryRunner } from 'typeorm';
import { MESSAGING_TABLES_SQL } from '@quartier/db';

export class Init1763800000000 implements MigrationInterface {
  name = 'Init1763800000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const sql of MESSAGING_TABLES_SQL) await runner.query(sql);
    await runner.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        slug text NOT NULL UNIQUE,
        plan text NOT NULL DEFAULT 'starter' CHECK (plan IN ('starter', 'professional', 'enterprise')),
        subscription_status text NOT NULL DEFAULT 'active' CHECK (subscription_status IN ('active', 'past_due', 'canceled')),
        time_zone text NOT NULL DEFAULT 'Europe/Berlin',
        currency char(3) NOT NULL DEFAULT 'EUR',
        settings jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        password_hash text,
        name text NOT NULL,
        phone text,
        locale text NOT NULL DEFAULT 'de-DE',
        avatar bytea,
        avatar_content_type text,
        preferences jsonb NOT NULL DEFAULT '{}',
        notification_settings jsonb NOT NULL DEFAULT '{}',
        failed_login_count integer NOT NULL DEFAULT 0,
        last_failed_login_at timestamptz,
        locked_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE UNIQUE INDEX users_email_key ON users (lower(email))');
    await runner.query(`
      CREATE TABLE memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('owner', 'admin', 'manager', 'agent', 'viewer', 'resident')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, user_id)
      )`);
    await runner.query('CREATE INDEX memberships_user_idx ON memberships (user_id)');
    await runner.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)');
    await runner.query('CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id)');
    await runner.query(`
      CREATE TABLE signing_keys (
        kid text PRIMARY KEY,
        slot text NOT NULL UNIQUE,
        algorithm text NOT NULL,
        public_jwk jsonb NOT NULL,
        private_jwk jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE audit_logs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL UNIQUE,
        organization_id uuid,
        request_id text NOT NULL,
        user_id uuid,
        user_email text,
        method text NOT NULL,
        path text NOT NULL,
        route text,
        status integer NOT NULL,
        outcome text NOT NULL,
        duration_ms integer NOT NULL,
        ip text,
        occurred_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX audit_logs_org_time_idx ON audit_logs (organization_id, occurred_at DESC)');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['audit_logs', 'signing_keys', 'refresh_tokens', 'memberships', 'users', 'organizations', 'inbox', 'outbox']) {
      await runner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
