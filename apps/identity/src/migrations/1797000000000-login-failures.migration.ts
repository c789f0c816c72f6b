import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed logins counted per email (hashed, so unknown emails are counted alike) and client
 * address, instead of per account: the account-wide lock let anyone lock anyone out.
 */
export class LoginFailures1797000000000 implements MigrationInterface {
  name = 'LoginFailures1797000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE login_failures (
        email_hash text NOT NULL,
        client_ip text NOT NULL,
        failed_count integer NOT NULL,
        last_failed_at timestamptz NOT NULL,
        PRIMARY KEY (email_hash, client_ip)
      )`);
    await runner.query('CREATE INDEX login_failures_time_idx ON login_failures (last_failed_at)');
    await runner.query('ALTER TABLE users DROP COLUMN failed_login_count, DROP COLUMN last_failed_login_at, DROP COLUMN locked_until');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE users
        ADD COLUMN failed_login_count integer NOT NULL DEFAULT 0,
        ADD COLUMN last_failed_login_at timestamptz,
        ADD COLUMN locked_until timestamptz`);
    await runner.query('DROP TABLE login_failures');
  }
}
