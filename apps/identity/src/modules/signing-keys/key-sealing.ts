import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const SEALED_PREFIX = 'a256gcm:';
const INFO = 'quartier identity signing keys';

export class KeySealingError extends Error {
  override name = 'KeySealingError';
}

function keyFrom(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'quartier-identity', INFO, 32));
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(SEALED_PREFIX);
}

/** The private JWK as stored: always AES-256-GCM under a key derived from the secret. */
export function sealPrivateKey(privateJwk: object, secret: string): string {
  const plain = JSON.stringify(privateJwk);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(secret), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return SEALED_PREFIX + [iv, cipher.getAuthTag(), data].map((part) => part.toString('base64url')).join('.');
}

/**
 * Plain JSON is still read: keys stored before encryption was mandatory, which the next maintenance
 * pass encrypts. Never puts key material into its errors: they end up in logs.
 */
export function unsealPrivateKey(stored: string, secret: string): Record<string, unknown> {
  if (!isSealed(stored)) return JSON.parse(stored) as Record<string, unknown>;
  const [iv, tag, data] = stored.slice(SEALED_PREFIX.length).split('.').map((part) => Buffer.from(part, 'base64url'));
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(secret), iv);
    decipher.setAuthTag(tag);
    return JSON.parse(Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new KeySealingError('A signing key cannot be decrypted: SIGNING_KEY_ENCRYPTION_SECRET differs from the one it was encrypted with');
  }
}
