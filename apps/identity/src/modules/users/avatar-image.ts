import { AVATAR_CONTENT_TYPES, AVATAR_MAX_BYTES, AvatarContentType } from '@quartier/contracts-identity';

export function isAvatarContentType(value: string): value is AvatarContentType {
  return (AVATAR_CONTENT_TYPES as readonly string[]).includes(value);
}

/** The image type the bytes really are, from their magic numbers; undefined when none of ours. */
export function sniffImageType(bytes: Buffer): AvatarContentType | undefined {
  const starts = (signature: number[], offset = 0): boolean => signature.every((byte, i) => bytes[offset + i] === byte);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return 'image/gif';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return undefined;
}

export type AvatarCheck =
  | { ok: true; contentType: AvatarContentType; bytes: Buffer }
  | { ok: false; problem: 'unsupported-type' | 'too-large' | 'not-base64' | 'content-mismatch' };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Checks a declared content type and base64 data the way avatar.set must. */
export function checkAvatar(contentType: string, base64: string): AvatarCheck {
  const declared = contentType.toLowerCase().split(';')[0].trim();
  if (!isAvatarContentType(declared)) return { ok: false, problem: 'unsupported-type' };
  const compact = base64.replace(/\s/g, '');
  if (!BASE64.test(compact) || compact.length % 4 !== 0) return { ok: false, problem: 'not-base64' };
  // Decoded size from the length alone, so an oversized upload is refused before decoding it.
  const padding = compact.endsWith('==') ? 2 : compact.endsWith('=') ? 1 : 0;
  if ((compact.length / 4) * 3 - padding > AVATAR_MAX_BYTES) return { ok: false, problem: 'too-large' };
  const bytes = Buffer.from(compact, 'base64');
  if (sniffImageType(bytes) !== declared) return { ok: false, problem: 'content-mismatch' };
  return { ok: true, contentType: declared, bytes };
}
