import { Readable } from 'node:stream';

/** Where document files live; one object per document version, addressed by a storage key. */
export interface DocumentStorage {
  /** `local` or `s3`, for logs and health. */
  readonly kind: string;
  /** Stores `size` bytes from `body` under `key`, replacing nothing (keys are unique per version). */
  put(key: string, body: Readable, size: number): Promise<void>;
  /** Up to `length` bytes from `offset`; fewer at the end of the object. */
  read(key: string, offset: number, length: number): Promise<Buffer>;
  /** Removes the object; a missing object is not an error. */
  delete(key: string): Promise<void>;
}

export const DOCUMENT_STORAGE = Symbol('DOCUMENT_STORAGE');
