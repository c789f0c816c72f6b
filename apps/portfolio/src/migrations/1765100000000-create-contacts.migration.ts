import { MigrationInterface, QueryRunner } from 'typeorm';

/** The CRM: contacts with their lead score, the per-organization email index, and the activity timeline. */
export class CreateContacts1765100000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE contacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        type text NOT NULL,
        salutation text,
        first_name text,
        last_name text,
        company_name text,
        display_name text NOT NULL,
        emails jsonb NOT NULL DEFAULT '[]',
        phones jsonb NOT NULL DEFAULT '[]',
        address jsonb,
        kinds text[] NOT NULL DEFAULT '{}',
        tags text[] NOT NULL DEFAULT '{}',
        source text,
        owner_id uuid,
        status text NOT NULL DEFAULT 'new',
        search_profile jsonb,
        marketing_consent boolean NOT NULL DEFAULT false,
        marketing_consent_at timestamptz,
        marketing_consent_source text,
        notes text,
        interested_property_ids uuid[] NOT NULL DEFAULT '{}',
        interested_unit_ids uuid[] NOT NULL DEFAULT '{}',
        last_contacted_at timestamptz,
        lead_score integer NOT NULL DEFAULT 0 CHECK (lead_score BETWEEN 0 AND 100),
        lead_grade char(1) NOT NULL DEFAULT 'D',
        lead_score_reasons jsonb NOT NULL DEFAULT '[]',
        lead_scored_at timestamptz,
        lead_inventory_version text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX contacts_org_created_idx ON contacts (organization_id, created_at DESC, id)');
    await runner.query('CREATE INDEX contacts_org_score_idx ON contacts (organization_id, lead_score DESC, id)');
    await runner.query('CREATE INDEX contacts_org_status_idx ON contacts (organization_id, status)');
    await runner.query('CREATE INDEX contacts_org_owner_idx ON contacts (organization_id, owner_id)');
    await runner.query('CREATE INDEX contacts_kinds_idx ON contacts USING gin (kinds)');
    await runner.query('CREATE INDEX contacts_tags_idx ON contacts USING gin (tags)');

    // One row per address makes "one contact per email in an organization" a constraint, not a race.
    await runner.query(`
      CREATE TABLE contact_emails (
        organization_id uuid NOT NULL,
        email text NOT NULL,
        contact_id uuid NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        PRIMARY KEY (organization_id, email)
      )`);
    await runner.query('CREATE INDEX contact_emails_contact_idx ON contact_emails (contact_id)');

    await runner.query(`
      CREATE TABLE contact_activities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        contact_id uuid NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        summary text NOT NULL,
        outcome text,
        property_id uuid,
        unit_id uuid,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX contact_activities_org_contact_idx ON contact_activities (organization_id, contact_id, occurred_at DESC, id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['contact_activities', 'contact_emails', 'contacts']) await runner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
