import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DocumentStorage } from '../src/modules/documents/storage/document-storage';
import { LocalDiskStorage } from '../src/modules/documents/storage/local-disk.storage';
import { S3Storage } from '../src/modules/documents/storage/s3.storage';
import { storageKeyFor } from '../src/modules/documents/storage/storage-key';
import { FakeS3, startFakeS3 } from './documents-fake-s3';

/** The same behaviour from both storage adapters: local disk and S3 (official client, local S3 wire-format server). */
describe.each(['local', 's3'] as const)('%s document storage', (kind) => {
  let storage: DocumentStorage;
  let directory: string;
  let s3: FakeS3 | undefined;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'qt-storage-'));
    if (kind === 'local') {
      storage = new LocalDiskStorage(directory);
    } else {
      s3 = await startFakeS3({ bucket: 'docs', accessKeyId: 'key' });
      storage = new S3Storage({ bucket: 'docs', region: 'us-east-1', endpoint: s3.url, forcePathStyle: true, credentials: { accessKeyId: 'key', secretAccessKey: 'secret' } });
    }
  });
  afterAll(async () => {
    if (storage instanceof S3Storage) storage.onApplicationShutdown();
    await s3?.close();
    await rm(directory, { recursive: true, force: true });
  });

  const newKey = () => storageKeyFor(randomUUID(), randomUUID(), randomUUID());
  const chunked = (bytes: Buffer, size: number) => Readable.from(Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size)));

  it('stores a streamed file and reads any range of it back, empty past the end', async () => {
    const key = newKey();
    const bytes = randomBytes(300_000);
    await storage.put(key, chunked(bytes, 65_536), bytes.length);
    expect((await storage.read(key, 0, 10)).equals(bytes.subarray(0, 10))).toBe(true);
    expect((await storage.read(key, 123_456, 100_000)).equals(bytes.subarray(123_456, 223_456))).toBe(true);
    expect((await storage.read(key, 299_990, 100)).equals(bytes.subarray(299_990))).toBe(true);
    expect(await storage.read(key, 300_000, 100)).toHaveLength(0);
  });

  it('deletes a file, and deleting it again is no error; reading a deleted file fails', async () => {
    const key = newKey();
    await storage.put(key, chunked(Buffer.from('%PDF-1.7'), 4), 8);
    await storage.delete(key);
    await storage.delete(key);
    await expect(storage.read(key, 0, 8)).rejects.toThrow();
  });

});

describe('local document storage', () => {
  it('refuses a stream shorter than the announced size and leaves no file behind', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'qt-storage-'));
    try {
      const storage = new LocalDiskStorage(directory);
      const key = storageKeyFor(randomUUID(), randomUUID(), randomUUID());
      await expect(storage.put(key, Readable.from([Buffer.from('short')]), 50)).rejects.toThrow('expected 50');
      await expect(storage.read(key, 0, 5)).rejects.toThrow();
      expect((await readdir(directory, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile())).toEqual([]);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('refuses to start on a directory it cannot create', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'qt-storage-'));
    try {
      await writeFile(join(directory, 'a-file'), 'x');
      await expect(new LocalDiskStorage(join(directory, 'a-file', 'documents')).onModuleInit()).rejects.toThrow('is not a writable directory');
      await new LocalDiskStorage(join(directory, 'new', 'documents')).onModuleInit();
      expect((await readdir(join(directory, 'new'))).length).toBe(1);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
