import { Provider } from '@nestjs/common';
import { DOCUMENT_STORAGE, DocumentStorage } from './document-storage';
import { DocumentStorageConfig } from './document-storage.config';
import { LocalDiskStorage } from './local-disk.storage';
import { S3Storage } from './s3.storage';

export function createDocumentStorage(config: DocumentStorageConfig): DocumentStorage {
  if (config.DOCUMENT_STORAGE === 'local') return new LocalDiskStorage(config.DOCUMENT_STORAGE_DIR);
  if (!config.DOCUMENT_S3_BUCKET) throw new Error('DOCUMENT_S3_BUCKET is required when DOCUMENT_STORAGE=s3');
  const { DOCUMENT_S3_ACCESS_KEY_ID: accessKeyId, DOCUMENT_S3_SECRET_ACCESS_KEY: secretAccessKey } = config;
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new Error('Set both DOCUMENT_S3_ACCESS_KEY_ID and DOCUMENT_S3_SECRET_ACCESS_KEY, or neither');
  }
  return new S3Storage({
    bucket: config.DOCUMENT_S3_BUCKET,
    region: config.DOCUMENT_S3_REGION,
    endpoint: config.DOCUMENT_S3_ENDPOINT,
    forcePathStyle: config.DOCUMENT_S3_FORCE_PATH_STYLE,
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
  });
}

export function documentStorageProvider(config: DocumentStorageConfig): Provider {
  return { provide: DOCUMENT_STORAGE, useFactory: () => createDocumentStorage(config) };
}
