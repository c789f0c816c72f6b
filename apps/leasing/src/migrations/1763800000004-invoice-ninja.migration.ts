import { MigrationInterface, QueryRunner } from 'typeorm';

/** Which Invoice Ninja client stands for which tenant, so a tenant is created there once. */
export class InvoiceNinja1763800000004 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE invoice_ninja_clients (
      organization_id uuid NOT NULL,
      tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
      external_id text NOT NULL,
      PRIMARY KEY (organization_id, tenant_id)
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE invoice_ninja_clients');
  }
}
