import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AddDocumentVersionMessageDto,
  CreateDocumentMessageDto,
  DeletedResponse,
  DocumentQueryDto,
  DocumentResponse,
  DocumentUsageResponse,
  DocumentVersionResponse,
  DocumentVersionsMessageDto,
  DownloadChunkMessageDto,
  DownloadChunkResponse,
  DownloadInfoResponse,
  DownloadMessageDto,
  IdDto,
  PortfolioSubjects,
  UpdateDocumentMessageDto,
} from '@quartier/contracts-portfolio';
import { OrgCaller, Page } from '@quartier/contracts-shared';
import { CurrentCaller, notFound } from '@quartier/messaging';
import { DOCUMENT_LIMITS, DocumentLimits } from '../document-limits';
import { DocumentFilesService } from './document-files.service';
import { resolveVersion } from './document-rules';
import { DocumentsService } from './documents.service';

@Controller()
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly files: DocumentFilesService,
    @Inject(DOCUMENT_LIMITS) private readonly limits: DocumentLimits,
  ) {}

  @MessagePattern(PortfolioSubjects.documentsList)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: DocumentQueryDto): Promise<Page<DocumentResponse>> {
    return this.documents.list(caller.organizationId, query);
  }

  @MessagePattern(PortfolioSubjects.documentsGet)
  get(@CurrentCaller() caller: OrgCaller, @Payload() dto: IdDto): Promise<DocumentResponse> {
    return this.documents.get(caller.organizationId, dto.id);
  }

  @MessagePattern(PortfolioSubjects.documentsCreate)
  create(@CurrentCaller() caller: OrgCaller, @Payload() dto: CreateDocumentMessageDto): Promise<DocumentResponse> {
    return this.documents.create(caller, dto);
  }

  @MessagePattern(PortfolioSubjects.documentsUpdate)
  update(@CurrentCaller() caller: OrgCaller, @Payload() dto: UpdateDocumentMessageDto): Promise<DocumentResponse> {
    return this.documents.update(caller.organizationId, dto);
  }

  @MessagePattern(PortfolioSubjects.documentsDelete)
  async delete(@CurrentCaller() caller: OrgCaller, @Payload() dto: IdDto): Promise<DeletedResponse> {
    await this.documents.delete(caller.organizationId, dto.id);
    return { deleted: true };
  }

  @MessagePattern(PortfolioSubjects.documentsVersionsAdd)
  addVersion(@CurrentCaller() caller: OrgCaller, @Payload() dto: AddDocumentVersionMessageDto): Promise<DocumentResponse> {
    return this.documents.addVersion(caller, dto);
  }

  @MessagePattern(PortfolioSubjects.documentsVersionsList)
  versions(@CurrentCaller() caller: OrgCaller, @Payload() dto: DocumentVersionsMessageDto): Promise<Page<DocumentVersionResponse>> {
    return this.documents.versionsOf(caller.organizationId, dto);
  }

  @MessagePattern(PortfolioSubjects.documentsDownload)
  async download(@CurrentCaller() caller: OrgCaller, @Payload() dto: DownloadMessageDto): Promise<DownloadInfoResponse> {
    const document = await this.documents.get(caller.organizationId, dto.id);
    const number = resolveVersion(dto.version, document.currentVersion.number);
    if (number === null) throw notFound(`Version ${dto.version} of document`, dto.id);
    const version = await this.documents.version(caller.organizationId, dto.id, number);
    return {
      documentId: dto.id,
      version: number,
      fileName: version.fileName,
      contentType: version.contentType,
      size: version.sizeBytes,
      sha256: version.sha256,
      chunkBytes: this.limits.chunkBytes,
    };
  }

  @MessagePattern(PortfolioSubjects.documentsDownloadChunk)
  async downloadChunk(@CurrentCaller() caller: OrgCaller, @Payload() dto: DownloadChunkMessageDto): Promise<DownloadChunkResponse> {
    const version = await this.documents.version(caller.organizationId, dto.id, dto.version);
    if (dto.offset >= version.sizeBytes) return { data: '' };
    const bytes = await this.files.read(version.storageKey, dto.offset, Math.min(this.limits.chunkBytes, version.sizeBytes - dto.offset));
    return { data: bytes.toString('base64') };
  }

  @MessagePattern(PortfolioSubjects.documentsUsage)
  usage(@CurrentCaller() caller: OrgCaller): Promise<DocumentUsageResponse> {
    return this.documents.usage(caller.organizationId);
  }
}
