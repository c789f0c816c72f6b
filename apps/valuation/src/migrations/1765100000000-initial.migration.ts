import { MigrationInterface, QueryRunner } from 'typeorm';
import { MESSAGING_TABLES_SQL } from '@quartier/db';

/** Market sales, fitted models and stored valuations, plus the outbox/inbox tables. */
export class Initial1765100000000 implements MigrationInterface {
  name = 'Initial1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const sql of MESSAGING_TABLES_SQL) await runner.query(sql);
    // organization_id NULL: platform market data imported by the operator, visible to everyone.
    await runner.query(`CREATE TABLE market_sales (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid,
      source text NOT NULL,
      source_id text NOT NULL,
      sale_date date NOT NULL,
      price_cents bigint NOT NULL CHECK (price_cents > 0),
      currency char(3) NOT NULL,
      living_area_m2 numeric(10, 2) NOT NULL CHECK (living_area_m2 > 0),
      lot_area_m2 numeric(12, 2),
      bedrooms smallint,
      bathrooms numeric(4, 2),
      floors numeric(4, 1),
      waterfront boolean,
      view smallint,
      condition smallint,
      grade smallint,
      year_built smallint NOT NULL,
      year_renovated smallint,
      postal_code text,
      lat double precision NOT NULL,
      lon double precision NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    // Re-importing a file or re-sending a sale with the same id changes nothing.
    await runner.query('CREATE UNIQUE INDEX market_sales_platform_source_uq ON market_sales (source, source_id) WHERE organization_id IS NULL');
    await runner.query('CREATE UNIQUE INDEX market_sales_org_source_uq ON market_sales (organization_id, source_id) WHERE organization_id IS NOT NULL');
    await runner.query('CREATE INDEX market_sales_geo_idx ON market_sales (lat, lon)');
    await runner.query('CREATE INDEX market_sales_postal_idx ON market_sales (postal_code, sale_date)');
    await runner.query('CREATE INDEX market_sales_org_idx ON market_sales (organization_id, created_at)');
    // organization_id NULL: a platform model fitted on platform market data.
    await runner.query(`CREATE TABLE avm_models (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid,
      currency char(3) NOT NULL,
      version integer NOT NULL,
      fitted_at timestamptz NOT NULL DEFAULT now(),
      training_from date NOT NULL,
      training_to date NOT NULL,
      sample_size integer NOT NULL,
      fit_seconds real NOT NULL,
      parameters jsonb NOT NULL,
      validation jsonb NOT NULL,
      UNIQUE (currency, version)
    )`);
    await runner.query(`CREATE TABLE valuations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      property_id uuid,
      unit_id uuid,
      valuation_date date NOT NULL,
      estimate_cents bigint NOT NULL,
      low_cents bigint NOT NULL,
      high_cents bigint NOT NULL,
      currency char(3) NOT NULL,
      range_coverage real NOT NULL,
      confidence text NOT NULL,
      confidence_score real NOT NULL,
      comparable_estimate_cents bigint NOT NULL,
      hedonic_estimate_cents bigint NOT NULL,
      blend_weight real NOT NULL,
      comparables jsonb NOT NULL,
      attributes jsonb NOT NULL,
      assumed jsonb NOT NULL,
      model_id uuid NOT NULL REFERENCES avm_models (id),
      model_version text NOT NULL,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query('CREATE INDEX valuations_org_created_idx ON valuations (organization_id, created_at)');
    await runner.query('CREATE INDEX valuations_org_property_idx ON valuations (organization_id, property_id, created_at)');
    await runner.query('CREATE INDEX valuations_org_unit_idx ON valuations (organization_id, unit_id, created_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['valuations', 'avm_models', 'market_sales', 'inbox', 'outbox']) await runner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
