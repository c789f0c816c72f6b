import { MigrationInterface, QueryRunner } from 'typeorm';
import { IDEMPOTENCY_TABLE_SQL } from '@quartier/db';

/**
 * The generic Idempotency-Keys of every mutating call (libs/messaging idempotency) replace the
 * payments' own table. Stored answers move under their operation's subject; their request hashes
 * were computed differently, so a retry of such a key with the same body answers 422, never a
 * second payment.
 */
export class IdempotencyRecords1796700000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    for (const sql of IDEMPOTENCY_TABLE_SQL) await runner.query(sql);
    await runner.query(`INSERT INTO idempotency_records (organization_id, subject, key, request_hash, state, response, created_at)
      SELECT organization_id, 'leasing.v1.' || split_part(operation, ':', 1), key, request_hash, 'done', jsonb_build_object('value', response), created_at
      FROM idempotency_keys
      ON CONFLICT (scope, subject, key) DO NOTHING`);
    await runner.query('DROP TABLE idempotency_keys');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE idempotency_keys (
      organization_id uuid NOT NULL,
      key text NOT NULL,
      operation text NOT NULL,
      response jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      request_hash text NOT NULL DEFAULT '',
      PRIMARY KEY (organization_id, operation, key)
    )`);
    await runner.query('DROP TABLE idempotency_records');
  }
}
