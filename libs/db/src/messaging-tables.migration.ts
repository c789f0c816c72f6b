import { MigrationInterface, QueryRunner } from 'typeorm';
import { MESSAGING_TABLES_SQL } from './outbox.entity';

/**
 * The whole first migration of a schema that holds only the outbox and inbox: the gateway's, whose
 * audit events wait there while NATS is down (it owns no other data and imports no ORM).
 */
export class CreateMessagingTables1796800000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    for (const sql of MESSAGING_TABLES_SQL) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE inbox');
    await runner.query('DROP TABLE outbox');
  }
}
