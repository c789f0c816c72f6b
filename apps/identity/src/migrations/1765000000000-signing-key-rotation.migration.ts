import { MigrationInterface, QueryRunner } from 'typeorm';

/** Several signing keys over time: one active, retired ones published until their tokens expired. */
export class SigningKeyRotation1765000000000 implements MigrationInterface {
  name = 'SigningKeyRotation1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE signing_keys
        ADD COLUMN private_key text,
        ADD COLUMN activated_at timestamptz,
        ADD COLUMN retired_at timestamptz,
        ADD COLUMN expires_at timestamptz`);
    await runner.query('UPDATE signing_keys SET private_key = private_jwk::text, activated_at = created_at');
    await runner.query('ALTER TABLE signing_keys ALTER COLUMN private_key SET NOT NULL, ALTER COLUMN activated_at SET NOT NULL');
    await runner.query('ALTER TABLE signing_keys DROP COLUMN private_jwk, DROP COLUMN slot');
    // At most one key signs at a time, whichever replica or CLI rotated.
    await runner.query('CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys ((true)) WHERE retired_at IS NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX signing_keys_one_active');
    await runner.query('DELETE FROM signing_keys WHERE retired_at IS NOT NULL');
    await runner.query(`ALTER TABLE signing_keys ADD COLUMN slot text UNIQUE, ADD COLUMN private_jwk jsonb`);
    await runner.query(`UPDATE signing_keys SET slot = 'primary', private_jwk = private_key::jsonb`);
    await runner.query('ALTER TABLE signing_keys ALTER COLUMN slot SET NOT NULL, ALTER COLUMN private_jwk SET NOT NULL');
    await runner.query('ALTER TABLE signing_keys DROP COLUMN private_key, DROP COLUMN activated_at, DROP COLUMN retired_at, DROP COLUMN expires_at');
  }
}
