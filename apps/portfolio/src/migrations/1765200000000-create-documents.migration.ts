import { MigrationInterface, QueryRunner } from 'typeorm';

/** The document store: folders (a tree per organization), documents, their versions, and staged uploads. */
export class CreateDocuments1765200000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE document_folders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        parent_id uuid REFERENCES document_folders (id),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Sibling names are unique case-insensitively; root folders share the nil parent.
    await runner.query(`
      CREATE UNIQUE INDEX document_folders_sibling_name_uq ON document_folders
        (organization_id, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name))`);
    await runner.query('CREATE INDEX document_folders_parent_idx ON document_folders (parent_id)');

    await runner.query(`
      CREATE TABLE documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        title text NOT NULL,
        category text NOT NULL,
        tags text[] NOT NULL DEFAULT '{}',
        property_id uuid,
        building_id uuid,
        unit_id uuid,
        lease_id uuid,
        contact_id uuid,
        folder_id uuid REFERENCES document_folders (id),
        current_version integer NOT NULL CHECK (current_version >= 1),
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX documents_org_created_idx ON documents (organization_id, created_at DESC, id)');
    await runner.query('CREATE INDEX documents_org_property_idx ON documents (organization_id, property_id)');
    await runner.query('CREATE INDEX documents_org_unit_idx ON documents (organization_id, unit_id)');
    await runner.query('CREATE INDEX documents_folder_idx ON documents (folder_id)');
    await runner.query('CREATE INDEX documents_tags_idx ON documents USING gin (tags)');

    await runner.query(`
      CREATE TABLE document_versions (
        id uuid PRIMARY KEY,
        organization_id uuid NOT NULL,
        document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        number integer NOT NULL CHECK (number >= 1),
        file_name text NOT NULL,
        content_type text NOT NULL,
        size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
        sha256 char(64) NOT NULL,
        storage_key text NOT NULL,
        comment text,
        uploaded_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (document_id, number)
      )`);
    await runner.query('CREATE INDEX document_versions_org_idx ON document_versions (organization_id)');

    // Chunks of a file on its way from the gateway; any replica can take any chunk.
    await runner.query(`
      CREATE TABLE document_uploads (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        chunks integer NOT NULL DEFAULT 0,
        received_bytes bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX document_uploads_created_idx ON document_uploads (created_at)');
    await runner.query(`
      CREATE TABLE document_upload_chunks (
        upload_id uuid NOT NULL REFERENCES document_uploads (id) ON DELETE CASCADE,
        organization_id uuid NOT NULL,
        index integer NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (upload_id, index)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE document_upload_chunks');
    await runner.query('DROP TABLE document_uploads');
    await runner.query('DROP TABLE document_versions');
    await runner.query('DROP TABLE documents');
    await runner.query('DROP TABLE document_folders');
  }
}
