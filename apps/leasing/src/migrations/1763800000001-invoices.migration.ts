import { MigrationInterface, QueryRunner } from 'typeorm';

/** Invoices with gap-free numbers per organization and year. */
export class Invoices1763800000001 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE invoice_counters (
      organization_id uuid NOT NULL,
      year integer NOT NULL,
      last_number integer NOT NULL,
      PRIMARY KEY (organization_id, year)
    )`);
    await runner.query(`CREATE TABLE invoices (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      number text NOT NULL,
      year integer NOT NULL,
      sequence integer NOT NULL,
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      lease_id uuid REFERENCES leases(id),
      status text NOT NULL DEFAULT 'open',
      issue_date date NOT NULL,
      due_date date NOT NULL,
      currency char(3) NOT NULL,
      total_cents integer NOT NULL,
      lines jsonb NOT NULL,
      notes text,
      sent_at timestamptz,
      paid_at timestamptz,
      external_id text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organization_id, year, sequence),
      UNIQUE (organization_id, number)
    )`);
    await runner.query('CREATE INDEX invoices_tenant_idx ON invoices (organization_id, tenant_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE invoices');
    await runner.query('DROP TABLE invoice_counters');
  }
}
