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

/** Room left in a NATS message for the JSON envelope, ids and headers around a chunk's base64 bytes. */
export const MESSAGE_OVERHEAD_BYTES = 16 * 1024;

/**
 * The chunk size for a NATS server's max_payload: base64 makes 3 bytes 4 characters, and the
 * message still needs its envelope. Never above `preferred`, so a server with a smaller
 * max_payload than the default 1 MiB still works.
 */
export function chunkBytesFor(maxPayload: number, preferred: number): number {
  const fitting = Math.floor((maxPayload - MESSAGE_OVERHEAD_BYTES) / 4) * 3;
  if (fitting < 3) throw new Error(`NATS max_payload ${maxPayload} is too small for document chunks`);
  return Math.min(preferred, fitting);
}
