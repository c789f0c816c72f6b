import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { DocumentStorage } from './document-storage';

export interface S3StorageOptions {
  bucket: string;
  region: string;
  /** MinIO or another S3-compatible server; AWS when absent. */
  endpoint?: string;
  forcePathStyle: boolean;
  /** The AWS default credential chain when absent. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** An S3-compatible bucket through the official client: PutObject, ranged GetObject, DeleteObject. */
export class S3Storage implements DocumentStorage {
  readonly kind = 's3';
  private readonly client: S3Client;

  constructor(private readonly options: S3StorageOptions) {
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      credentials: options.credentials,
      // Checksums only where S3 demands them: older MinIO releases reject the newer trailing-checksum uploads.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(key: string, body: Readable, size: number): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.options.bucket, Key: key, Body: body, ContentLength: size }));
  }

  async read(key: string, offset: number, length: number): Promise<Buffer> {
    if (length === 0) return Buffer.alloc(0);
    try {
      const response = await this.client.send(
        new GetObjectCommand({ Bucket: this.options.bucket, Key: key, Range: `bytes=${offset}-${offset + length - 1}` }),
      );
      return Buffer.from((await response.Body?.transformToByteArray()) ?? new Uint8Array());
    } catch (error) {
      // A range starting at the end of the object (an empty file, or a read past the end).
      if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 416) return Buffer.alloc(0);
      if (error instanceof NoSuchKey) throw new Error(`Stored object ${key} is missing`);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: key }));
  }

  /** Nest calls this at shutdown: frees the client's keep-alive sockets. */
  onApplicationShutdown(): void {
    this.client.destroy();
  }
}
