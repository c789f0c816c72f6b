import { createWriteStream } from 'node:fs';
import { access, constants, mkdir, open, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import { DocumentStorage } from './document-storage';
import { isStorageKey } from './storage-key';

/** Files under one directory, `<dir>/<organization>/<document>/<version>`. */
export class LocalDiskStorage implements DocumentStorage {
  readonly kind = 'local';
  private readonly root: string;

  constructor(directory: string) {
    this.root = resolve(directory);
  }

  /** Nest calls this at boot: a missing or read-only directory stops the service with a clear error, not the first upload. */
  async onModuleInit(): Promise<void> {
    try {
      await mkdir(this.root, { recursive: true });
      await access(this.root, constants.W_OK);
    } catch (error) {
      throw new Error(`DOCUMENT_STORAGE_DIR ${this.root} is not a writable directory: ${(error as Error).message}`);
    }
  }

  /** Written to a temporary name and renamed, so a crash never leaves a half file under the real key. */
  async put(key: string, body: Readable, size: number): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(join(path, '..'), { recursive: true });
    const temporary = `${path}.${randomUUID()}.part`;
    try {
      const file = createWriteStream(temporary, { flags: 'wx' });
      await pipeline(body, file);
      if (file.bytesWritten !== size) throw new Error(`Wrote ${file.bytesWritten} bytes, expected ${size}`);
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async read(key: string, offset: number, length: number): Promise<Buffer> {
    const file = await open(this.pathOf(key), 'r');
    try {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await file.read(buffer, 0, length, offset);
      return buffer.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    if (!isStorageKey(key)) throw new Error('Invalid storage key');
    return join(this.root, ...key.split('/'));
  }
}
