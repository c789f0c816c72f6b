import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AI_UPLOAD_CONTENT_TYPES,
  AI_UPLOAD_MAX_BYTES,
  AiErrorCode,
  IngestDocumentDto,
  SourcePageView,
  SourceQueryDto,
  SourceView,
  UploadDocumentMessageDto,
} from '@quartier/contracts-ai';
import { CommonErrorCode, OrgCaller, pageOf, pageParams } from '@quartier/contracts-shared';
import { OrgScopedRepository } from '@quartier/db';
import { notFound, rpcError } from '@quartier/messaging';
import { requireStaff } from '../../common/access';
import { singleLine } from '../../common/text';
import { RequestLimiter } from '../limits/request-limiter.service';
import { IngestionService } from './ingestion.service';
import { toSourceView } from './source.mapper';
import { SourceEntity } from './source.entity';
import { UnsupportedDocumentError, extractText, resolveContentType } from './text-extraction';

/** The organization's document index as staff manage it: ingest, upload, list, delete. */
@Injectable()
export class SourcesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ingestion: IngestionService,
    private readonly limiter: RequestLimiter,
  ) {}

  private get sources(): OrgScopedRepository<SourceEntity> {
    return new OrgScopedRepository(SourceEntity, this.dataSource.manager);
  }

  async ingestText(caller: OrgCaller, dto: IngestDocumentDto): Promise<SourceView> {
    requireStaff(caller, 'write');
    await this.limiter.take(caller.organizationId);
    return this.ingestion.ingest({
      organizationId: caller.organizationId,
      userId: caller.userId,
      title: singleLine(dto.title),
      sourceRef: singleLine(dto.sourceRef ?? dto.title),
      visibility: dto.visibility ?? 'staff',
      kind: 'text',
      fileName: null,
      contentType: null,
      text: dto.text,
    });
  }

  async upload(caller: OrgCaller, dto: UploadDocumentMessageDto): Promise<SourceView> {
    requireStaff(caller, 'write');
    const bytes = Buffer.from(dto.data, 'base64');
    if (bytes.length > AI_UPLOAD_MAX_BYTES) {
      throw rpcError(413, CommonErrorCode.PAYLOAD_TOO_LARGE, `Files for the assistant may have at most ${AI_UPLOAD_MAX_BYTES} bytes`);
    }
    const contentType = resolveContentType(dto.contentType, dto.fileName);
    if (!contentType) throw unsupported();
    await this.limiter.take(caller.organizationId);
    let text: string;
    try {
      text = await extractText(bytes, contentType);
    } catch (error) {
      if (error instanceof UnsupportedDocumentError) throw unsupported(error.message);
      throw error;
    }
    return this.ingestion.ingest({
      organizationId: caller.organizationId,
      userId: caller.userId,
      title: singleLine(dto.title ?? dto.fileName),
      sourceRef: singleLine(dto.sourceRef ?? dto.fileName),
      visibility: dto.visibility ?? 'staff',
      kind: 'upload',
      fileName: singleLine(dto.fileName),
      contentType,
      text,
    });
  }

  async list(caller: OrgCaller, query: SourceQueryDto): Promise<SourcePageView> {
    requireStaff(caller, 'read');
    const { page, size } = pageParams(query);
    const [rows, total] = await this.sources.findPage(caller.organizationId, {
      where: query.status ? { status: query.status } : {},
      order: { updatedAt: 'DESC', id: 'ASC' },
      page,
      size,
    });
    return pageOf(rows.map(toSourceView), total, page, size);
  }

  async get(caller: OrgCaller, id: string): Promise<SourceView> {
    requireStaff(caller, 'read');
    const source = await this.sources.findById(caller.organizationId, id);
    if (!source) throw notFound('Source', id);
    return toSourceView(source);
  }

  async delete(caller: OrgCaller, id: string): Promise<void> {
    requireStaff(caller, 'delete');
    if (!(await this.ingestion.delete(caller.organizationId, id))) throw notFound('Source', id);
  }
}

function unsupported(reason?: string) {
  return rpcError(
    415,
    AiErrorCode.UNSUPPORTED_DOCUMENT,
    `${reason ? `${reason}. ` : ''}The assistant reads ${AI_UPLOAD_CONTENT_TYPES.join(', ')} files`,
  );
}
