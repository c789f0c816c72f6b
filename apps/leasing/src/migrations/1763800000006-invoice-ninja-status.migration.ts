import { MigrationInterface, QueryRunner } from 'typeorm';

/** The invoice status Invoice Ninja last heard of, so status changes are pushed once. */
export class InvoiceNinjaStatus1763800000006 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE invoices ADD COLUMN external_status text');
    await runner.query("UPDATE invoices SET external_status = 'open' WHERE external_id IS NOT NULL");
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE invoices DROP COLUMN external_status');
  }
}
