import { MigrationInterface, QueryRunner } from 'typeorm';

/** Utility providers and bills (electricity, water, gas, heating, waste, internet). */
export class Utilities1763800000003 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE utility_providers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      name text NOT NULL,
      types text[] NOT NULL DEFAULT '{}',
      customer_number text,
      email text,
      phone text,
      website text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE TABLE utility_bills (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      property_id uuid NOT NULL,
      unit_id uuid,
      provider_id uuid REFERENCES utility_providers(id) ON DELETE SET NULL,
      type text NOT NULL,
      period_start date NOT NULL,
      period_end date NOT NULL,
      consumption double precision,
      consumption_unit text,
      amount_cents integer NOT NULL,
      currency char(3) NOT NULL,
      due_date date NOT NULL,
      status text NOT NULL DEFAULT 'open',
      paid_on date,
      notes text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (period_end >= period_start)
    )`);
    await runner.query('CREATE INDEX utility_bills_property_idx ON utility_bills (organization_id, property_id, period_start)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE utility_bills');
    await runner.query('DROP TABLE utility_providers');
  }
}
