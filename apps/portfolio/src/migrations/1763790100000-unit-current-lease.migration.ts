import { MigrationInterface, QueryRunner } from 'typeorm';

/** The lease that occupies a unit, so only that lease's end frees it. */
export class UnitCurrentLease1763790100000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE units ADD COLUMN current_lease_id uuid');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE units DROP COLUMN current_lease_id');
  }
}
