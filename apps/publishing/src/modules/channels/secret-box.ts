import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const PREFIX = 'a256gcm:';
const INFO = 'quartier publishing channel secrets';

export class SecretBoxError extends Error {
  override name = 'SecretBoxError';
}

function keyFrom(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'quartier-publishing', INFO, 32));
}

/** Channel secrets as stored: AES-256-GCM under a key derived from CHANNEL_SECRETS_KEY, bound to the organization and channel. */
export function sealSecrets(secrets: Record<string, string>, key: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(key), iv);
  cipher.setAAD(Buffer.from(context));
  const data = Buffer.concat([cipher.update(JSON.stringify(secrets), 'utf8'), cipher.final()]);
  return PREFIX + [iv, cipher.getAuthTag(), data].map((part) => part.toString('base64url')).join('.');
}

/** Never puts secret material into its errors: they end up in logs and job errors. */
export function openSecrets(sealed: string, key: string, context: string): Record<string, string> {
  if (!sealed.startsWith(PREFIX)) throw new SecretBoxError('Stored channel secrets are not in a known format');
  const [iv, tag, data] = sealed.slice(PREFIX.length).split('.').map((part) => Buffer.from(part, 'base64url'));
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(key), iv);
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(tag);
    return JSON.parse(Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8')) as Record<string, string>;
  } catch {
    throw new SecretBoxError('Channel secrets cannot be decrypted: CHANNEL_SECRETS_KEY differs from the one they were stored with');
  }
}
