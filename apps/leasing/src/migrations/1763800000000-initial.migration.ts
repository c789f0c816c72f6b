import { MigrationInterface, QueryRunner } from 'typeorm';
import { MESSAGING_TABLES_SQL } from '@quartier/db';

/** Tenants, leases, charges, payments and their allocations, idempotency keys, outbox/inbox. */
export class Initial1763800000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    for (const sql of MESSAGING_TABLES_SQL) await runner.query(sql);
    await runner.query(`CREATE TABLE tenants (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      user_id uuid,
      first_name text NOT NULL,
      last_name text NOT NULL,
      company_name text,
      email text NOT NULL,
      phone text,
      status text NOT NULL DEFAULT 'applicant',
      notes text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query('CREATE UNIQUE INDEX tenants_email_uq ON tenants (organization_id, lower(email))');
    await runner.query('CREATE UNIQUE INDEX tenants_user_uq ON tenants (organization_id, user_id) WHERE user_id IS NOT NULL');
    await runner.query(`CREATE TABLE leases (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      unit_id uuid NOT NULL,
      property_id uuid,
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      status text NOT NULL DEFAULT 'pending',
      start_date date NOT NULL,
      end_date date,
      currency char(3) NOT NULL DEFAULT 'EUR',
      cold_rent_cents integer NOT NULL,
      service_charge_cents integer NOT NULL DEFAULT 0,
      heating_cents integer NOT NULL DEFAULT 0,
      deposit_cents integer NOT NULL DEFAULT 0,
      due_day smallint NOT NULL DEFAULT 3,
      late_fee_cents integer NOT NULL DEFAULT 0,
      grace_days smallint NOT NULL DEFAULT 5,
      rent_adjustment text NOT NULL DEFAULT 'fixed',
      rent_steps jsonb NOT NULL DEFAULT '[]',
      renewals jsonb NOT NULL DEFAULT '[]',
      termination_date date,
      termination_reason text,
      notes text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (end_date IS NULL OR end_date > start_date)
    )`);
    await runner.query('CREATE INDEX leases_unit_idx ON leases (organization_id, unit_id)');
    await runner.query('CREATE INDEX leases_tenant_idx ON leases (organization_id, tenant_id)');
    await runner.query('CREATE INDEX leases_status_idx ON leases (status, id)');
    await runner.query(`CREATE TABLE charges (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      lease_id uuid NOT NULL REFERENCES leases(id) ON DELETE CASCADE,
      tenant_id uuid NOT NULL,
      kind text NOT NULL,
      period_month date NOT NULL,
      period_start date NOT NULL,
      period_end date NOT NULL,
      due_date date NOT NULL,
      amount_cents integer NOT NULL,
      paid_cents integer NOT NULL DEFAULT 0,
      currency char(3) NOT NULL,
      status text NOT NULL DEFAULT 'open',
      invoice_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (lease_id, kind, period_month)
    )`);
    await runner.query('CREATE INDEX charges_open_idx ON charges (organization_id, tenant_id, due_date) WHERE status <> \'paid\'');
    await runner.query(`CREATE TABLE payments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      lease_id uuid REFERENCES leases(id),
      amount_cents integer NOT NULL CHECK (amount_cents > 0),
      refunded_cents integer NOT NULL DEFAULT 0,
      unallocated_cents integer NOT NULL DEFAULT 0,
      currency char(3) NOT NULL,
      method text NOT NULL,
      status text NOT NULL,
      paid_on date NOT NULL,
      reference text,
      notes text,
      stripe_payment_intent_id text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query('CREATE INDEX payments_tenant_idx ON payments (organization_id, tenant_id, paid_on)');
    await runner.query(`CREATE TABLE payment_allocations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      payment_id uuid NOT NULL REFERENCES payments(id) ON DELETE CASCADE,
      charge_id uuid NOT NULL REFERENCES charges(id),
      amount_cents integer NOT NULL
    )`);
    await runner.query('CREATE INDEX payment_allocations_payment_idx ON payment_allocations (payment_id)');
    await runner.query(`CREATE TABLE idempotency_keys (
      organization_id uuid NOT NULL,
      key text NOT NULL,
      operation text NOT NULL,
      response jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (organization_id, operation, key)
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['idempotency_keys', 'payment_allocations', 'payments', 'charges', 'leases', 'tenants', 'inbox', 'outbox']) {
      await runner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
