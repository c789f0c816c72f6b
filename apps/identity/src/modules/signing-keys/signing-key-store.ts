import { CryptoKey, JWK, calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK } from 'jose';
import { DataSource, EntityManager, In } from 'typeorm';
import { ACCESS_TOKEN_ALGORITHM } from '@quartier/contracts-identity';
import { RotationPolicy, planRotation, retiredKeyExpiry, signingKeyAt } from './key-rotation';
import { isSealed, sealPrivateKey, unsealPrivateKey } from './key-sealing';
import { SigningKeyEntity } from './signing-key.entity';

/** Replicas and the CLI take this lock, so exactly one of them rotates and the others see its result. */
const MAINTENANCE_LOCK = 'quartier-identity-signing-keys';

export interface KeyStoreOptions {
  policy: RotationPolicy;
  encryptionSecret: string;
}

export interface MaintenanceResult {
  /** The kid of the new key, when a rotation happened, and when it starts signing. */
  activated?: string;
  activatesAt?: Date;
  retired?: string;
  dropped: string[];
  /** Private keys found in plain text (stored before encryption was mandatory) and encrypted now. */
  sealed: number;
}

export interface ActiveSigningKey {
  kid: string;
  privateKey: CryptoKey | Uint8Array;
}

/** One maintenance pass under the lock: rotate when due (or forced), drop expired keys, seal plain ones. */
export function maintainSigningKeys(dataSource: DataSource, options: KeyStoreOptions, force: boolean): Promise<MaintenanceResult> {
  return dataSource.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [MAINTENANCE_LOCK]);
    const now = new Date();
    const keys = await manager.getRepository(SigningKeyEntity).createQueryBuilder('k').addSelect('k.privateKey').orderBy('k.activated_at', 'ASC').getMany();
    // A wrong or missing secret must not add a key no replica can read: refuse before changing anything.
    for (const key of keys) unsealPrivateKey(key.privateKey, options.encryptionSecret);
    const plan = planRotation(keys, options.policy, now, force);
    const result: MaintenanceResult = { dropped: plan.drop, sealed: 0 };
    if (plan.drop.length > 0) await manager.delete(SigningKeyEntity, { kid: In(plan.drop) });
    if (plan.rotate) {
      const newest = keys.find((key) => key.retiredAt === null);
      if (newest) {
        const retiredAt = plan.activateAt;
        await manager.update(SigningKeyEntity, { kid: newest.kid }, { retiredAt, expiresAt: retiredKeyExpiry(retiredAt, options.policy) });
        result.retired = newest.kid;
      }
      result.activated = await insertNewKey(manager, plan.activateAt, options.encryptionSecret);
      result.activatesAt = plan.activateAt;
    }
    const kept = keys.filter((key) => !plan.drop.includes(key.kid));
    result.sealed = await sealPlainKeys(manager, kept, options.encryptionSecret);
    return result;
  });
}

/** The key that signs now (see `signingKeyAt`), decrypted. */
export async function loadActiveKey(dataSource: DataSource, encryptionSecret: string, now: Date = new Date()): Promise<ActiveSigningKey> {
  const keys = await dataSource.getRepository(SigningKeyEntity).createQueryBuilder('k').addSelect('k.privateKey').getMany();
  const stored = signingKeyAt(keys, now);
  if (!stored) throw new Error('No active signing key: the maintenance pass has not run');
  return { kid: stored.kid, privateKey: await importJWK(unsealPrivateKey(stored.privateKey, encryptionSecret) as JWK, ACCESS_TOKEN_ALGORITHM) };
}

/** The newest key first (possibly not signing yet), then retired ones still inside their window. */
export function publishedKeys(manager: EntityManager, now: Date = new Date()): Promise<SigningKeyEntity[]> {
  return manager
    .getRepository(SigningKeyEntity)
    .createQueryBuilder('k')
    .where('k.expires_at IS NULL OR k.expires_at > :now', { now })
    .orderBy('k.activated_at', 'DESC')
    .getMany();
}

async function insertNewKey(manager: EntityManager, activatedAt: Date, encryptionSecret: string): Promise<string> {
  const pair = await generateKeyPair(ACCESS_TOKEN_ALGORITHM, { extractable: true });
  const publicJwk = await exportJWK(pair.publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  await manager.insert(SigningKeyEntity, {
    kid,
    algorithm: ACCESS_TOKEN_ALGORITHM,
    publicJwk,
    privateKey: sealPrivateKey(await exportJWK(pair.privateKey), encryptionSecret),
    activatedAt,
    retiredAt: null,
    expiresAt: null,
  });
  return kid;
}

async function sealPlainKeys(manager: EntityManager, keys: SigningKeyEntity[], secret: string): Promise<number> {
  const plain = keys.filter((key) => !isSealed(key.privateKey));
  for (const key of plain) {
    await manager.update(SigningKeyEntity, { kid: key.kid }, { privateKey: sealPrivateKey(unsealPrivateKey(key.privateKey, secret), secret) });
  }
  return plain.length;
}
