import { MigrationInterface, QueryRunner } from 'typeorm';
import { IDEMPOTENCY_TABLE_SQL } from '@quartier/db';

/** The Idempotency-Keys of mutating calls and their stored answers (libs/messaging idempotency). */
export class IdempotencyRecords1796700000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    for (const sql of IDEMPOTENCY_TABLE_SQL) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE idempotency_records');
  }
}
