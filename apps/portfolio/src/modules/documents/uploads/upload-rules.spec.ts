import { checkChunk } from './upload-rules';

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
