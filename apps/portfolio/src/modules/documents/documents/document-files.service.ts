import { Inject, Injectable, Logger } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { UNSUPPORTED_DOCUMENT_MESSAGE, detectDocumentType } from '@quartier/contracts-portfolio';
import { CommonErrorCode } from '@quartier/contracts-shared';
import { rpcError, validationFailed } from '@quartier/messaging';
import { DOCUMENT_STORAGE, DocumentStorage } from '../storage/document-storage';
import { storageKeyFor } from '../storage/storage-key';
import { StagedUpload, UploadsService } from '../uploads/uploads.service';
import { baseName } from './document-rules';

/** A file moved from its staged upload into storage, described for its version row. */
export interface StoredFile {
  versionId: string;
  storageKey: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** Moves staged uploads into the storage backend and reads stored files back. */
@Injectable()
export class DocumentFilesService {
  private readonly logger = new Logger('DocumentFiles');

  constructor(
    private readonly uploads: UploadsService,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  /**
   * Checks the type by the file's first bytes (415), then streams the chunks into storage while
   * hashing them, so neither the file nor its hash needs the whole file in memory.
   */
  async store(organizationId: string, documentId: string, upload: StagedUpload, clientFileName: string): Promise<StoredFile> {
    const fileName = baseName(clientFileName);
    if (upload.size === 0) throw validationFailed([{ field: 'file', message: 'file must not be empty' }]);
    const contentType = detectDocumentType(await this.uploads.head(organizationId, upload), fileName);
    if (!contentType) throw rpcError(415, CommonErrorCode.UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED_DOCUMENT_MESSAGE);
    const versionId = randomUUID();
    const storageKey = storageKeyFor(organizationId, documentId, versionId);
    const hash = createHash('sha256');
    const uploads = this.uploads;
    async function* hashed(): AsyncGenerator<Buffer> {
      for await (const chunk of uploads.bytes(organizationId, upload)) {
        hash.update(chunk);
        yield chunk;
      }
    }
    await this.unavailableOnFailure('store', () => this.storage.put(storageKey, Readable.from(hashed()), upload.size));
    return { versionId, storageKey, fileName, contentType, size: upload.size, sha256: hash.digest('hex') };
  }

  read(storageKey: string, offset: number, length: number): Promise<Buffer> {
    return this.unavailableOnFailure('read', () => this.storage.read(storageKey, offset, length));
  }

  /**
   * Best effort after the metadata is gone (or was never written): a failure leaves an orphaned
   * object, which is logged with its key, never a document pointing at missing bytes.
   */
  async remove(storageKeys: string[]): Promise<void> {
    for (const key of storageKeys) {
      try {
        await this.storage.delete(key);
      } catch (error) {
        this.logger.warn(`Could not delete stored document file ${key}: ${(error as Error).message}`);
      }
    }
  }

  /** A storage failure is logged here and answered with 503, never with the backend's own message (paths, hosts). */
  private async unavailableOnFailure<T>(action: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      // Our own answers (the staged upload was used meanwhile: 404) pass unchanged.
      if (error instanceof RpcException) throw error;
      this.logger.error(`Could not ${action} a document file in ${this.storage.kind} storage: ${(error as Error).message}`);
      throw rpcError(503, CommonErrorCode.SERVICE_UNAVAILABLE, 'The document storage is unavailable; try again later');
    }
  }
}
