import { ConfigOf, bool, int, oneOf, optionalStr, str } from '@quartier/config';
import { DEFAULT_DOCUMENT_MAX_BYTES } from '@quartier/contracts-portfolio';

export const DOCUMENT_STORAGE_KINDS = ['local', 's3'] as const;

/** The document store's variables, spread into portfolio's config spec. */
export const documentStorageConfigSpec = {
  DOCUMENT_STORAGE: oneOf('Where document files are stored: local disk or an S3-compatible bucket (AWS S3, MinIO)', DOCUMENT_STORAGE_KINDS, {
    default: 'local',
  }),
  DOCUMENT_STORAGE_DIR: str('Directory of the local document store (relative to the working directory unless absolute)', {
    default: 'data/documents',
  }),
  DOCUMENT_MAX_BYTES: int('Largest accepted document file in bytes (413 beyond)', {
    default: String(DEFAULT_DOCUMENT_MAX_BYTES),
    min: 1,
    max: 1024 * 1024 * 1024,
  }),
  DOCUMENT_UPLOAD_TTL_MINUTES: int('How long the staged chunks of an unfinished upload are kept', { default: '60', min: 1 }),
  DOCUMENT_S3_ENDPOINT: optionalStr('S3 endpoint URL, e.g. http://minio:9000 for MinIO; AWS S3 when unset'),
  DOCUMENT_S3_REGION: str('S3 region', { default: 'us-east-1' }),
  DOCUMENT_S3_BUCKET: optionalStr('S3 bucket of document files (required when DOCUMENT_STORAGE=s3)'),
  DOCUMENT_S3_ACCESS_KEY_ID: optionalStr('S3 access key id; the AWS default credential chain when unset', { secret: true }),
  DOCUMENT_S3_SECRET_ACCESS_KEY: optionalStr('S3 secret access key', { secret: true }),
  DOCUMENT_S3_FORCE_PATH_STYLE: bool('Address the bucket in the path (http://host/bucket/key), as MinIO needs', { default: 'true' }),
};

export type DocumentStorageConfig = ConfigOf<typeof documentStorageConfigSpec>;
