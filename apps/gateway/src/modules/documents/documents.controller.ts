import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { RequireRoles } from '@quartier/auth';
import { IdentitySubjects, LimitsDto } from '@quartier/contracts-identity';
import {
  DOCUMENT_CATEGORIES,
  DispositionQueryDto,
  DocumentPageResponse,
  DocumentQueryDto,
  DocumentResponse,
  DocumentUsageResponse,
  DocumentVersionPageResponse,
  DownloadQueryDto,
  PortfolioSubjects,
  UpdateDocumentDto,
  UploadDocumentFieldsDto,
  UploadVersionFieldsDto,
} from '@quartier/contracts-portfolio';
import { Caller, CommonErrorCode } from '@quartier/contracts-shared';
import { RpcClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { ProblemException } from '../../platform/problem';
import { UuidParam } from '../../platform/validation';
import { RequestCaller } from '../../security/caller.decorator';
import { streamDocument } from './document-download';
import { receiveUpload, usingUpload, validatedFields } from './document-upload';
import { DOCUMENT_ROLES, DocumentUsageDto, VersionPageQueryDto } from './documents-route.dto';

/** Moving a file into storage takes longer than a metadata call; the chunks themselves use the default timeout. */
const STORE_TIMEOUT_MS = 60_000;

const FILE_SCHEMA = { type: 'string', format: 'binary', description: 'PDF, image, Office document or plain text/CSV' };
const UUID_SCHEMA = { type: 'string', format: 'uuid' };
const UPLOAD_BODY = {
  type: 'object',
  required: ['file'],
  properties: {
    file: FILE_SCHEMA,
    title: { type: 'string', maxLength: 200, description: 'Defaults to the file name without its extension' },
    category: { type: 'string', enum: [...DOCUMENT_CATEGORIES], default: 'other' },
    tags: { type: 'string', description: 'Comma separated, or the field repeated', example: '2025,signed' },
    propertyId: UUID_SCHEMA,
    buildingId: UUID_SCHEMA,
    unitId: UUID_SCHEMA,
    leaseId: UUID_SCHEMA,
    contactId: UUID_SCHEMA,
    folderId: UUID_SCHEMA,
    comment: { type: 'string', maxLength: 500, description: 'About this first version' },
  },
};
const VERSION_BODY = { type: 'object', required: ['file'], properties: { file: FILE_SCHEMA, comment: { type: 'string', maxLength: 500 } } };

function versionParam(): ParameterDecorator {
  return Param(
    'version',
    new ParseIntPipe({
      exceptionFactory: () =>
        new ProblemException(422, CommonErrorCode.VALIDATION_FAILED, 'The request is invalid', [{ field: 'version', message: 'version must be an integer' }]),
    }),
  );
}

/** The document store of portfolio. Residents have no access: documents are the organization's files. */
@ApiTags('documents')
@ApiAuthenticated()
@RequireRoles(...DOCUMENT_ROLES)
@Controller('documents')
export class DocumentsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'List documents (category, property, building, unit, lease, contact, folder, tag, q over title and tags; paging, sorting)' })
  @ApiOkResponse({ type: DocumentPageResponse })
  @ApiProblems(422)
  list(@Query() query: DocumentQueryDto, @RequestCaller() caller: Caller): Promise<DocumentPageResponse> {
    return this.rpc.request(PortfolioSubjects.documentsList, query, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Upload a document: multipart/form-data with the file in field "file" and its metadata as fields' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_BODY })
  @ApiCreatedResponse({ type: DocumentResponse })
  @ApiProblems(402, 404, 413, 415, 422)
  upload(@Req() request: FastifyRequest, @RequestCaller() caller: Caller): Promise<DocumentResponse> {
    return this.createDocument(request, caller);
  }

  @Post('upload')
  @ApiOperation({ summary: 'Upload a document (the same as POST /documents)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_BODY })
  @ApiCreatedResponse({ type: DocumentResponse })
  @ApiProblems(402, 404, 413, 415, 422)
  uploadAlias(@Req() request: FastifyRequest, @RequestCaller() caller: Caller): Promise<DocumentResponse> {
    return this.createDocument(request, caller);
  }

  @Get('usage')
  @ApiOperation({ summary: "Documents and stored bytes (every version) of the organization, with the plan's limits (uploads beyond them: 402)" })
  @ApiOkResponse({ type: DocumentUsageDto })
  @ApiProblems()
  async usage(@RequestCaller() caller: Caller): Promise<DocumentUsageDto> {
    const [usage, plan] = await Promise.all([
      this.rpc.request<DocumentUsageResponse>(PortfolioSubjects.documentsUsage, {}, caller),
      this.rpc.request<LimitsDto>(IdentitySubjects.limitsGet, {}, caller),
    ]);
    return { ...usage, plan: plan.plan, limits: { documents: plan.limits.documents, storageBytes: plan.limits.storage } };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get the metadata of a document with its current version' })
  @ApiOkResponse({ type: DocumentResponse })
  @ApiProblems(404, 422)
  get(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<DocumentResponse> {
    return this.rpc.request(PortfolioSubjects.documentsGet, { id }, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change title, category, tags, links or folder (null clears a link or moves to the root)' })
  @ApiOkResponse({ type: DocumentResponse })
  @ApiProblems(404, 422)
  update(@UuidParam() id: string, @Body() dto: UpdateDocumentDto, @RequestCaller() caller: Caller): Promise<DocumentResponse> {
    return this.rpc.request(PortfolioSubjects.documentsUpdate, { ...dto, id }, caller);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a document with every version and its stored files' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404, 422)
  async delete(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<void> {
    await this.rpc.request(PortfolioSubjects.documentsDelete, { id }, caller);
  }

  @Get(':id/download')
  @ApiOperation({ summary: 'Download the current version (or ?version=n) with its Content-Type and file name; ?inline=true for a preview' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiProblems(404, 422)
  download(
    @UuidParam() id: string,
    @Query() query: DownloadQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @RequestCaller() caller: Caller,
  ): Promise<StreamableFile> {
    return streamDocument(this.rpc, caller, { id, ...query }, reply);
  }

  @Post(':id/versions')
  @ApiOperation({ summary: 'Upload a new version (numbered after the current one): multipart field "file", optional "comment"' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: VERSION_BODY })
  @ApiCreatedResponse({ type: DocumentResponse })
  @ApiProblems(402, 404, 413, 415, 422)
  async addVersion(@UuidParam() id: string, @Req() request: FastifyRequest, @RequestCaller() caller: Caller): Promise<DocumentResponse> {
    const upload = await receiveUpload(request, this.rpc, caller);
    const fields = await validatedFields(UploadVersionFieldsDto, upload, this.rpc, caller);
    return usingUpload(this.rpc, caller, upload, () =>
      this.rpc.request<DocumentResponse>(
        PortfolioSubjects.documentsVersionsAdd,
        { ...fields, id, uploadId: upload.uploadId, fileName: upload.fileName },
        caller,
        STORE_TIMEOUT_MS,
      ),
    );
  }

  @Get(':id/versions')
  @ApiOperation({ summary: 'Versions of a document, newest first' })
  @ApiOkResponse({ type: DocumentVersionPageResponse })
  @ApiProblems(404, 422)
  versions(@UuidParam() id: string, @Query() query: VersionPageQueryDto, @RequestCaller() caller: Caller): Promise<DocumentVersionPageResponse> {
    return this.rpc.request(PortfolioSubjects.documentsVersionsList, { ...query, id }, caller);
  }

  @Get(':id/versions/:version/download')
  @ApiOperation({ summary: 'Download one version' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiProblems(404, 422)
  downloadVersion(
    @UuidParam() id: string,
    @versionParam() version: number,
    @Query() query: DispositionQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @RequestCaller() caller: Caller,
  ): Promise<StreamableFile> {
    return streamDocument(this.rpc, caller, { id, version, inline: query.inline }, reply);
  }

  private async createDocument(request: FastifyRequest, caller: Caller): Promise<DocumentResponse> {
    const upload = await receiveUpload(request, this.rpc, caller);
    const fields = await validatedFields(UploadDocumentFieldsDto, upload, this.rpc, caller);
    return usingUpload(this.rpc, caller, upload, () =>
      this.rpc.request<DocumentResponse>(
        PortfolioSubjects.documentsCreate,
        { ...fields, uploadId: upload.uploadId, fileName: upload.fileName },
        caller,
        STORE_TIMEOUT_MS,
      ),
    );
  }
}
