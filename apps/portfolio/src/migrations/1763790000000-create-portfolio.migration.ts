import { MigrationInterface, QueryRunner } from 'typeorm';
import { MESSAGING_TABLES_SQL } from '@quartier/db';

/** Properties → buildings → units, the units' status history, and the outbox/inbox tables. */
export class CreatePortfolio1763790000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    for (const sql of MESSAGING_TABLES_SQL) await runner.query(sql);
    await runner.query(`
      CREATE TABLE properties (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        name text NOT NULL,
        type text NOT NULL,
        status text NOT NULL DEFAULT 'active',
        street text NOT NULL,
        house_number text,
        postal_code text NOT NULL,
        city text NOT NULL,
        state text,
        country char(2) NOT NULL DEFAULT 'DE',
        latitude double precision CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision CHECK (longitude BETWEEN -180 AND 180),
        living_area double precision CHECK (living_area > 0),
        usable_area double precision CHECK (usable_area > 0),
        plot_area double precision CHECK (plot_area > 0),
        rooms double precision CHECK (rooms > 0),
        floors integer CHECK (floors >= 0),
        year_built integer,
        condition text,
        energy_certificate jsonb,
        amenities jsonb NOT NULL DEFAULT '[]',
        owner jsonb,
        purchase_price_cents bigint CHECK (purchase_price_cents >= 0),
        purchase_price_currency char(3),
        purchase_date date,
        current_value_cents bigint CHECK (current_value_cents >= 0),
        current_value_currency char(3),
        description text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX properties_org_created_idx ON properties (organization_id, created_at DESC, id)');
    await runner.query('CREATE INDEX properties_org_city_idx ON properties (organization_id, lower(city))');
    await runner.query('CREATE INDEX properties_org_postal_code_idx ON properties (organization_id, postal_code)');
    await runner.query('CREATE INDEX properties_org_status_type_idx ON properties (organization_id, status, type)');

    await runner.query(`
      CREATE TABLE buildings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        property_id uuid NOT NULL REFERENCES properties (id),
        name text NOT NULL,
        address jsonb,
        floors integer NOT NULL CHECK (floors >= 1),
        year_built integer,
        elevator boolean NOT NULL DEFAULT false,
        heating_type text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX buildings_org_property_idx ON buildings (organization_id, property_id)');
    await runner.query('CREATE INDEX buildings_org_created_idx ON buildings (organization_id, created_at DESC, id)');

    await runner.query(`
      CREATE TABLE units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        property_id uuid NOT NULL REFERENCES properties (id),
        building_id uuid NOT NULL REFERENCES buildings (id),
        number text NOT NULL,
        floor integer NOT NULL CHECK (floor >= -5),
        type text NOT NULL,
        area double precision NOT NULL CHECK (area > 0),
        rooms double precision CHECK (rooms > 0),
        bedrooms integer CHECK (bedrooms >= 0),
        bathrooms double precision CHECK (bathrooms >= 0),
        target_rent_cents bigint CHECK (target_rent_cents >= 0),
        target_rent_currency char(3),
        status text NOT NULL DEFAULT 'vacant',
        features jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT units_building_number_key UNIQUE (building_id, number)
      )`);
    // The list's default order and its common filters, all led by the organization.
    await runner.query('CREATE INDEX units_org_created_idx ON units (organization_id, created_at DESC, id)');
    await runner.query('CREATE INDEX units_org_status_created_idx ON units (organization_id, status, created_at DESC, id)');
    await runner.query('CREATE INDEX units_org_building_idx ON units (organization_id, building_id)');
    await runner.query('CREATE INDEX units_org_property_idx ON units (organization_id, property_id)');

    await runner.query(`
      CREATE TABLE unit_status_history (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        unit_id uuid NOT NULL REFERENCES units (id) ON DELETE CASCADE,
        from_status text,
        to_status text NOT NULL,
        reason text,
        source text NOT NULL,
        event_id uuid,
        changed_by uuid,
        changed_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await runner.query('CREATE INDEX unit_status_history_org_unit_idx ON unit_status_history (organization_id, unit_id, changed_at DESC)');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['unit_status_history', 'units', 'buildings', 'properties', 'inbox', 'outbox']) {
      await runner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
