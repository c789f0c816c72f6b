import { MigrationInterface, QueryRunner } from 'typeorm';

/** Invitations by email with a role; the token is stored hashed and works once. */
export class Invitations1765200000000 implements MigrationInterface {
  name = 'Invitations1765200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        email text NOT NULL,
        role text NOT NULL CHECK (role IN ('owner', 'admin', 'manager', 'agent', 'viewer', 'resident')),
        token_hash text NOT NULL UNIQUE,
        invited_by uuid REFERENCES users (id) ON DELETE SET NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX invitations_org_idx ON invitations (organization_id, created_at DESC)');
    await runner.query('CREATE INDEX invitations_org_email_idx ON invitations (organization_id, email)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE invitations');
  }
}
