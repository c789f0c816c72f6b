import { AVATAR_MAX_BYTES } from '@quartier/contracts-identity';
import { checkAvatar, sniffImageType } from './avatar-image';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const GIF = Buffer.from('GIF89a\x01\x00', 'latin1');
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);

describe('avatar type sniffing', () => {
  it('recognises png, jpeg, gif and webp by their magic bytes', () => {
    expect(sniffImageType(PNG)).toBe('image/png');
    expect(sniffImageType(JPEG)).toBe('image/jpeg');
    expect(sniffImageType(GIF)).toBe('image/gif');
    expect(sniffImageType(WEBP)).toBe('image/webp');
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
    expect(sniffImageType(Buffer.alloc(0))).toBeUndefined();
  });

  it('accepts an image whose bytes match its declared type', () => {
    const result = checkAvatar('image/png', PNG.toString('base64'));
    expect(result).toEqual({ ok: true, contentType: 'image/png', bytes: PNG });
  });

  it('refuses other declared types, mismatched content, bad base64 and oversized images', () => {
    expect(checkAvatar('image/svg+xml', PNG.toString('base64'))).toEqual({ ok: false, problem: 'unsupported-type' });
    expect(checkAvatar('image/jpeg', PNG.toString('base64'))).toEqual({ ok: false, problem: 'content-mismatch' });
    expect(checkAvatar('image/png', 'not base64!')).toEqual({ ok: false, problem: 'not-base64' });
    const big = Buffer.concat([PNG, Buffer.alloc(AVATAR_MAX_BYTES)]);
    expect(checkAvatar('image/png', big.toString('base64'))).toEqual({ ok: false, problem: 'too-large' });
  });

  it('accepts an image of exactly the maximum size', () => {
    const exact = Buffer.concat([PNG, Buffer.alloc(AVATAR_MAX_BYTES - PNG.length)]);
    expect(checkAvatar('image/png', exact.toString('base64')).ok).toBe(true);
  });
});
