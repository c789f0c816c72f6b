import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reading the broker redelivers (its PUBACK was lost when a replica died after committing it)
 * must not become a second row. A device reports one value per metric and instant, so readings
 * that carry the device's own timestamp are keyed by (device, metric, time). Readings stamped at
 * receipt have no such identity (a redelivered backlog arrives within one millisecond) and stay
 * outside the key. Existing rows default to outside the key, so nothing has to be rewritten.
 */
export class ReadingRedeliveryKey1796690000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE readings ADD COLUMN device_timestamped boolean NOT NULL DEFAULT false');
    await runner.query('CREATE UNIQUE INDEX readings_device_reading_key ON readings (device_id, metric, recorded_at) WHERE device_timestamped');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX IF EXISTS readings_device_reading_key');
    await runner.query('ALTER TABLE readings DROP COLUMN IF EXISTS device_timestamped');
  }
}
