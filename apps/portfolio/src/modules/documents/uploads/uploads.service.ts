import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  DOCUMENT_SNIFF_BYTES,
  DocumentErrorCode,
  UploadChunkMessageDto,
  UploadChunkResponse,
  UploadStartedResponse,
} from '@quartier/contracts-portfolio';
import { CommonErrorCode } from '@quartier/contracts-shared';
import { rpcError } from '@quartier/messaging';
import { DOCUMENT_LIMITS, DocumentLimits } from '../document-limits';
import { checkChunk } from './upload-rules';

export interface StagedUpload {
  id: string;
  chunks: number;
  size: number;
}

/**
 * Staged uploads: the gateway sends a file in chunks small enough for NATS, and they wait in
 * Postgres (shared by every portfolio replica, whichever receives a chunk) until a create or
 * add-version request moves them to the storage backend in one piece.
 */
@Injectable()
export class UploadsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(DOCUMENT_LIMITS) private readonly limits: DocumentLimits,
  ) {}

  async start(organizationId: string): Promise<UploadStartedResponse> {
    // Housekeeping for every organization: uploads nobody finished within the TTL.
    await this.dataSource.query('DELETE FROM document_uploads WHERE created_at < now() - make_interval(mins => $1)', [
      this.limits.uploadTtlMinutes,
    ]);
    const [row] = await this.dataSource.query<{ id: string }[]>('INSERT INTO document_uploads (organization_id) VALUES ($1) RETURNING id', [
      organizationId,
    ]);
    return { uploadId: row.id, maxBytes: this.limits.maxBytes, chunkBytes: this.limits.chunkBytes };
  }

  async append(organizationId: string, dto: UploadChunkMessageDto): Promise<UploadChunkResponse> {
    const data = Buffer.from(dto.data, 'base64');
    return this.dataSource.transaction(async (manager) => {
      const upload = await this.find(organizationId, dto.uploadId, manager, true);
      const verdict = checkChunk({ chunks: upload.chunks, receivedBytes: upload.size }, dto.index, data.length, {
        maxBytes: this.limits.maxBytes,
        chunkBytes: this.limits.chunkBytes,
      });
      if (verdict === 'out-of-order') {
        throw rpcError(409, DocumentErrorCode.UPLOAD_CHUNK_OUT_OF_ORDER, `Expected chunk ${upload.chunks}, got ${dto.index}`, {
          expected: upload.chunks,
        });
      }
      if (verdict === 'too-large') throw tooLarge(this.limits.maxBytes);
      if (verdict === 'chunk-too-large') throw tooLarge(this.limits.chunkBytes, 'A chunk');
      await manager.query('INSERT INTO document_upload_chunks (upload_id, organization_id, index, data) VALUES ($1, $2, $3, $4)', [
        upload.id,
        organizationId,
        dto.index,
        data,
      ]);
      await manager.query('UPDATE document_uploads SET chunks = chunks + 1, received_bytes = received_bytes + $2 WHERE id = $1', [
        upload.id,
        data.length,
      ]);
      return { receivedBytes: upload.size + data.length };
    });
  }

  async discard(organizationId: string, uploadId: string): Promise<void> {
    await this.dataSource.query('DELETE FROM document_uploads WHERE id = $1 AND organization_id = $2', [uploadId, organizationId]);
  }

  /** The upload, or 404 (also for another organization's upload); `forUpdate` locks its row in `manager`'s transaction. */
  async find(organizationId: string, uploadId: string, manager: EntityManager = this.dataSource.manager, forUpdate = false): Promise<StagedUpload> {
    const [row] = await manager.query<{ id: string; chunks: number; received_bytes: string }[]>(
      `SELECT id, chunks, received_bytes FROM document_uploads WHERE id = $1 AND organization_id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
      [uploadId, organizationId],
    );
    if (!row) throw uploadNotFound(uploadId);
    return { id: row.id, chunks: row.chunks, size: Number(row.received_bytes) };
  }

  /** The first bytes, for type detection. */
  async head(organizationId: string, upload: StagedUpload): Promise<Buffer> {
    if (upload.chunks === 0) return Buffer.alloc(0);
    return (await this.chunk(organizationId, upload.id, 0)).subarray(0, DOCUMENT_SNIFF_BYTES);
  }

  /** The bytes in order, one chunk in memory at a time. */
  async *bytes(organizationId: string, upload: StagedUpload): AsyncGenerator<Buffer> {
    for (let index = 0; index < upload.chunks; index += 1) yield await this.chunk(organizationId, upload.id, index);
  }

  /**
   * Removes the upload inside the transaction that stores its document, so two requests cannot
   * both use it: the second finds nothing to delete and gets 404.
   */
  async consume(manager: EntityManager, organizationId: string, uploadId: string): Promise<void> {
    const [, deleted] = await manager.query<[unknown[], number]>('DELETE FROM document_uploads WHERE id = $1 AND organization_id = $2', [
      uploadId,
      organizationId,
    ]);
    if (deleted === 0) throw uploadNotFound(uploadId);
  }

  private async chunk(organizationId: string, uploadId: string, index: number): Promise<Buffer> {
    const [row] = await this.dataSource.query<{ data: Buffer }[]>(
      'SELECT data FROM document_upload_chunks WHERE upload_id = $1 AND organization_id = $2 AND index = $3',
      [uploadId, organizationId, index],
    );
    if (!row) throw uploadNotFound(uploadId);
    return row.data;
  }
}

function uploadNotFound(uploadId: string) {
  return rpcError(404, DocumentErrorCode.UPLOAD_NOT_FOUND, `Upload ${uploadId} not found (finished, discarded or expired)`);
}

function tooLarge(maxBytes: number, what = 'The file'): ReturnType<typeof rpcError> {
  return rpcError(413, CommonErrorCode.PAYLOAD_TOO_LARGE, `${what} is larger than ${maxBytes} bytes`, { maxBytes });
}
