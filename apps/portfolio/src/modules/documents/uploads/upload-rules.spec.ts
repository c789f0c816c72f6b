import { MESSAGE_OVERHEAD_BYTES, checkChunk, chunkBytesFor } from './upload-rules';

describe('upload chunks', () => {
  const limits = { maxBytes: 1000, chunkBytes: 400 };

  it('accepts chunks in order up to the size limit', () => {
    expect(checkChunk({ chunks: 0, receivedBytes: 0 }, 0, 400, limits)).toBe('accept');
    expect(checkChunk({ chunks: 2, receivedBytes: 800 }, 2, 200, limits)).toBe('accept');
  });

  it('refuses a repeated, skipped or early chunk', () => {
    expect(checkChunk({ chunks: 2, receivedBytes: 800 }, 1, 100, limits)).toBe('out-of-order');
    expect(checkChunk({ chunks: 2, receivedBytes: 800 }, 3, 100, limits)).toBe('out-of-order');
  });

  it('refuses the chunk that would take the file past the limit, and oversized chunks', () => {
    expect(checkChunk({ chunks: 2, receivedBytes: 800 }, 2, 201, limits)).toBe('too-large');
    expect(checkChunk({ chunks: 0, receivedBytes: 0 }, 0, 401, limits)).toBe('chunk-too-large');
  });
});

describe('chunk size for the NATS server', () => {
  const preferred = 512 * 1024;

  it('uses the preferred size when the default 1 MiB max_payload has room', () => {
    expect(chunkBytesFor(1024 * 1024, preferred)).toBe(preferred);
  });

  it('shrinks so that base64 bytes plus the envelope fit a smaller max_payload', () => {
    const maxPayload = 256 * 1024;
    const chunk = chunkBytesFor(maxPayload, preferred);
    expect(Math.ceil(chunk / 3) * 4 + MESSAGE_OVERHEAD_BYTES).toBeLessThanOrEqual(maxPayload);
    expect(chunk).toBeGreaterThan(150_000);
  });

  it('refuses a max_payload that leaves no room', () => {
    expect(() => chunkBytesFor(MESSAGE_OVERHEAD_BYTES, preferred)).toThrow('too small');
  });
});
