import { loadConfig } from '@quartier/config';
import { createServiceDataSource } from '@quartier/db';
import { identityConfigSpec } from './identity.config';
import { IDENTITY_SCHEMA, identityEntities } from './identity.entities';
import { identityMigrations } from './migrations';
import { maintainSigningKeys, publishedKeys } from './modules/signing-keys/signing-key-store';
import { describeMaintenance, keyStoreOptions } from './modules/signing-keys/signing-keys.service';

/**
 * `npm run identity:rotate-keys` (in an image: `node dist/apps/identity/apps/identity/src/rotate-keys.js`):
 * an operator makes a new signing key active now. The previous one stays in the JWKS until its
 * tokens have expired; running replicas switch within SIGNING_KEY_CHECK_SECONDS.
 */
async function rotateKeys(): Promise<void> {
  const config = loadConfig(identityConfigSpec, process.env);
  const dataSource = await createServiceDataSource({
    url: config.DATABASE_URL,
    schema: IDENTITY_SCHEMA,
    entities: identityEntities,
    migrations: identityMigrations,
    poolSize: 1,
    applicationName: 'quartier-identity-rotate-keys',
  }).initialize();
  try {
    const result = await maintainSigningKeys(dataSource, keyStoreOptions(config), true);
    process.stdout.write(`identity: ${describeMaintenance(result) ?? 'no change'}\n`);
    const published = await publishedKeys(dataSource.manager);
    for (const key of published) {
      const state = key.retiredAt
        ? `signs until ${key.retiredAt.toISOString()}, published until ${key.expiresAt?.toISOString()}`
        : `signs from ${key.activatedAt.toISOString()}`;
      process.stdout.write(`  ${key.kid}  ${state}\n`);
    }
  } finally {
    await dataSource.destroy();
  }
}

rotateKeys().catch((error: Error) => {
  process.stderr.write(`identity key rotation failed: ${error.message}\n`);
  process.exit(1);
});
