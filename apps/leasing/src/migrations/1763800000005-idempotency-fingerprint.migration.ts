import { MigrationInterface, QueryRunner } from 'typeorm';

/** Remembers what request an Idempotency-Key was first used for, so reuse for another is refused. */
export class IdempotencyFingerprint1763800000005 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query("ALTER TABLE idempotency_keys ADD COLUMN request_hash text NOT NULL DEFAULT ''");
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE idempotency_keys DROP COLUMN request_hash');
  }
}
