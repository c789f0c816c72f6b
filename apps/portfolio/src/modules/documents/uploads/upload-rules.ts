/** Rules of a staged upload: chunks arrive in order and the file stays within the size limit. */

export interface UploadState {
  /** Chunks received so far; the next one must have this index. */
  chunks: number;
  receivedBytes: number;
}

export type ChunkVerdict = 'accept' | 'out-of-order' | 'too-large' | 'chunk-too-large';

export function checkChunk(state: UploadState, index: number, chunkSize: number, limits: { maxBytes: number; chunkBytes: number }): ChunkVerdict {
  if (index !== state.chunks) return 'out-of-order';
  if (chunkSize > limits.chunkBytes) return 'chunk-too-large';
  if (state.receivedBytes + chunkSize > limits.maxBytes) return 'too-large';
  return 'accept';
}
