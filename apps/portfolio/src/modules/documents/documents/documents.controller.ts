import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  AddDocumentVersionMessageDto,
  CreateDocumentMessageDto,
  DeletedResponse,
  DocumentOperations,
  DocumentPageResponse,
  DocumentQueryDto,
  DocumentResponse,
  DocumentUsageResponse,
  DocumentVersionPageResponse,
  DocumentVersionsMessageDto,
  DownloadChunkMessageDto,
  DownloadChunkResponse,
  DownloadInfoResponse,
  DownloadMessageDto,
  IdDto,
  UpdateDocumentMessageDto,
} from '@quartier/contracts-portfolio';
import { OrgCaller } from '@quartier/contracts-shared';
import { CurrentCaller, HandlesOperation, notFound } from '@quartier/messaging';
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

  @HandlesOperation(DocumentOperations.list)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: DocumentQueryDto): Promise<DocumentPageResponse> {
    return this.documents.list(caller.organizationId, query);
  }

  @HandlesOperation(DocumentOperations.get)
  get(@CurrentCaller() caller: OrgCaller, @Payload() dto: IdDto): Promise<DocumentResponse> {
    return this.documents.get(caller.organizationId, dto.id);
  }

  @HandlesOperation(DocumentOperations.create)
  create(@CurrentCaller() caller: OrgCaller, @Payload() dto: CreateDocumentMessageDto): Promise<DocumentResponse> {
    return this.documents.create(caller, dto);
  }

  @HandlesOperation(DocumentOperations.update)
  update(@CurrentCaller() caller: OrgCaller, @Payload() dto: UpdateDocumentMessageDto): Promise<DocumentResponse> {
    return this.documents.update(caller.organizationId, dto);
  }

  @HandlesOperation(DocumentOperations.delete)
  async delete(@CurrentCaller() caller: OrgCaller, @Payload() dto: IdDto): Promise<DeletedResponse> {
    await this.documents.delete(caller.organizationId, dto.id);
    return { deleted: true };
  }

  @HandlesOperation(DocumentOperations.versionsAdd)
  addVersion(@CurrentCaller() caller: OrgCaller, @Payload() dto: AddDocumentVersionMessageDto): Promise<DocumentResponse> {
    return this.documents.addVersion(caller, dto);
  }

  @HandlesOperation(DocumentOperations.versionsList)
  versions(@CurrentCaller() caller: OrgCaller, @Payload() dto: DocumentVersionsMessageDto): Promise<DocumentVersionPageResponse> {
    return this.documents.versionsOf(caller.organizationId, dto);
  }

  @HandlesOperation(DocumentOperations.download)
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

  @HandlesOperation(DocumentOperations.downloadChunk)
  async downloadChunk(@CurrentCaller() caller: OrgCaller, @Payload() dto: DownloadChunkMessageDto): Promise<DownloadChunkResponse> {
    const version = await this.documents.version(caller.organizationId, dto.id, dto.version);
    if (dto.offset >= version.sizeBytes) return { data: '' };
    const bytes = await this.files.read(version.storageKey, dto.offset, Math.min(this.limits.chunkBytes, version.sizeBytes - dto.offset));
    return { data: bytes.toString('base64') };
  }

  @HandlesOperation(DocumentOperations.usage)
  usage(@CurrentCaller() caller: OrgCaller): Promise<DocumentUsageResponse> {
    return this.documents.usage(caller.organizationId);
  }
}
