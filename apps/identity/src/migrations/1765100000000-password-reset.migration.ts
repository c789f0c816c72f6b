import { MigrationInterface, QueryRunner } from 'typeorm';

/** Password-reset tokens (hashed, single use) and the requests counted for throttling. */
export class PasswordReset1765100000000 implements MigrationInterface {
  name = 'PasswordReset1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE password_reset_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX password_reset_tokens_user_idx ON password_reset_tokens (user_id)');
    // Emails are kept only as hashes: requests for addresses that have no account are counted too.
    await runner.query(`
      CREATE TABLE password_reset_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email_hash text NOT NULL,
        client_ip text,
        requested_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX password_reset_requests_email_idx ON password_reset_requests (email_hash, requested_at)');
    await runner.query('CREATE INDEX password_reset_requests_ip_idx ON password_reset_requests (client_ip, requested_at)');
    await runner.query('CREATE INDEX password_reset_requests_time_idx ON password_reset_requests (requested_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE password_reset_requests');
    await runner.query('DROP TABLE password_reset_tokens');
  }
}
