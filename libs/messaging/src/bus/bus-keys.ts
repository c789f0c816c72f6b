import { KeyObject, createPrivateKey, createPublicKey } from 'node:crypto';
import { Prefix, createUser, fromPublic, fromSeed } from 'nkeys.js';
// The NKey text encoding (base32 with a role prefix and a CRC), which the package's index does not export.
import { Codec } from 'nkeys.js/lib/codec';
import { COMPONENT_NAMES, ComponentName, isComponentName } from '@quartier/contracts-shared';

/**
 * Every component has one NKey (an Ed25519 key pair): its seed logs it in to NATS and signs the
 * caller contexts it sends; its public key is what the NATS server and the other components know.
 */
export interface BusKeyPair {
  seed: string;
  publicKey: string;
}

// DER headers that turn a raw 32-byte Ed25519 seed or public key into keys node:crypto can use.
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');

export function generateBusKeyPair(): BusKeyPair {
  const pair = createUser();
  return { seed: new TextDecoder().decode(pair.getSeed()), publicKey: pair.getPublicKey() };
}

export function generateBusKeys(): Record<ComponentName, BusKeyPair> {
  return Object.fromEntries(COMPONENT_NAMES.map((name) => [name, generateBusKeyPair()])) as Record<ComponentName, BusKeyPair>;
}

/** The seed as a node:crypto private key (native Ed25519 signing is ~20× faster than nkeys.js). */
export function signingKeyOf(seed: string): { privateKey: KeyObject; publicKey: string } {
  let publicKey: string;
  try {
    publicKey = fromSeed(new TextEncoder().encode(seed)).getPublicKey();
  } catch {
    throw new Error('NATS_NKEY_SEED is not a valid NKey user seed (it starts with SU)');
  }
  const raw = Codec.decodeSeed(new TextEncoder().encode(seed)).buf;
  return { privateKey: createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, raw]), format: 'der', type: 'pkcs8' }), publicKey };
}

/** A component's public NKey as a node:crypto public key. */
export function verifyingKeyOf(publicKey: string): KeyObject {
  try {
    fromPublic(publicKey);
  } catch {
    throw new Error(`${publicKey} is not a valid NKey public key`);
  }
  const raw = Codec.decode(Prefix.User, new TextEncoder().encode(publicKey));
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519, raw]), format: 'der', type: 'spki' });
}

/** `gateway=UA…,identity=UB…` (NATS_TRUSTED_KEYS) → public key per component. */
export function parseTrustedKeys(text: string): Map<ComponentName, string> {
  const keys = new Map<ComponentName, string>();
  for (const entry of text.split(',').map((part) => part.trim()).filter(Boolean)) {
    const [name, key] = entry.split('=').map((part) => part.trim());
    if (!name || !key || !isComponentName(name)) throw new Error(`NATS_TRUSTED_KEYS: "${entry}" is not <component>=<public NKey>`);
    keys.set(name, key);
  }
  return keys;
}

export function formatTrustedKeys(keys: Record<ComponentName, BusKeyPair>): string {
  return COMPONENT_NAMES.map((name) => `${name}=${keys[name].publicKey}`).join(',');
}
