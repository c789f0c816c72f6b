import { Controller, Get, Param, ParseIntPipe, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { RequireRoles } from '@quartier/auth';
import { IdentitySubjects, LimitsDto } from '@quartier/contracts-identity';
import {
  DOCUMENT_CATEGORIES,
  DOCUMENT_ROLES,
  DispositionQueryDto,
  DocumentOperations,
  DocumentResponse,
  DownloadQueryDto,
  UploadDocumentFieldsDto,
  UploadVersionFieldsDto,
} from '@quartier/contracts-portfolio';
import { Caller, CommonErrorCode } from '@quartier/contracts-shared';
import { OperationClient, RpcClient } from '@quartier/messaging';
import { operationController } from '../../operations/operation-routes.factory';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { ProblemException } from '../../platform/problem';
import { UuidParam } from '../../platform/validation';
import { withoutIdempotencyKey } from '../../platform/idempotency-key';
import { RequestCaller } from '../../security/caller.decorator';
import { streamDocument } from './document-download';
import { receiveUpload, usingUpload, validatedFields } from './document-upload';
import { DocumentUsageDto } from './documents-route.dto';

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

/**
 * The document store of portfolio. Residents have no access: documents are the organization's
 * files. Metadata routes are generated from the operation descriptors; the methods below are
 * hand-written.
 */
@Controller()
export class DocumentsController extends operationController('DocumentsController', {
  list: DocumentOperations.list,
  get: DocumentOperations.get,
  update: DocumentOperations.update,
  delete: DocumentOperations.delete,
  versions: DocumentOperations.versionsList,
}) {
  constructor(
    client: OperationClient,
    private readonly rpc: RpcClient,
  ) {
    super(client);
  }

  /** Hand-written: a multipart upload streamed to portfolio in chunks. */
  @Post('documents')
  @ApiAuthenticated()
  @RequireRoles(...DOCUMENT_ROLES)
  @ApiOperation({ summary: 'Upload a document: multipart/form-data with the file in field "file" and its metadata as fields' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_BODY })
  @ApiCreatedResponse({ type: DocumentResponse })
  @ApiProblems(402, 404, 413, 415, 422)
  upload(@Req() request: FastifyRequest, @RequestCaller() caller: Caller): Promise<DocumentResponse> {
    return this.createDocument(request, caller);
  }

  /** Hand-written: a multipart upload streamed to portfolio in chunks. */
  @Post('documents/upload')
  @ApiAuthenticated()
  @RequireRoles(...DOCUMENT_ROLES)
  @ApiOperation({ summary: 'Upload a document (the same as POST /documents)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_BODY })
  @ApiCreatedResponse({ type: DocumentResponse })
  @ApiProblems(402, 404, 413, 415, 422)
  uploadAlias(@Req() request: FastifyRequest, @RequestCaller() caller: Caller): Promise<DocumentResponse> {
    return this.createDocument(request, caller);
  }

  /** Hand-written: one answer from two services (portfolio's usage, identity's plan limits). */
  @Get('documents/usage')
  @ApiAuthenticated()
  @RequireRoles(...DOCUMENT_ROLES)
  @ApiOperation({ summary: "Documents and stored bytes (every version) of the organization, with the plan's limits (uploads beyond them: 402)" })
  @ApiOkResponse({ type: DocumentUsageDto })
  @ApiProblems()
  async usage(@RequestCaller() caller: Caller): Promise<DocumentUsageDto> {
    const [usage, plan] = await Promise.all([
      this.client.send(DocumentOperations.usage, {}, caller),
      this.rpc.request<LimitsDto>(IdentitySubjects.limitsGet, {}, caller),
    ]);
    return { ...usage, plan: plan.plan, limits: { documents: plan.limits.documents, storageBytes: plan.limits.storage } };
  }

  /** Hand-written: the file streams back in chunks with its own Content-Type and disposition. */
  @Get('documents/:id/download')
  @ApiAuthenticated()
  @RequireRoles(...DOCUMENT_ROLES)
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
    return streamDocument(this.client, caller, { id, ...query }, reply);
  }

  /** Hand-written: a multipart upload streamed to portfolio in chunks. */
  @Post('documents/:id/versions')
  @ApiAuthenticated()
  @RequireRoles(...DOCUMENT_ROLES)
  @ApiOperation({ summary: 'Upload a new version (numbered after the current one): multipart field "file", optional "comment"' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: VERSION_BODY })
  @ApiCreatedResponse({ type: DocumentResponse })
  @ApiProblems(402, 404, 413, 415, 422)
  async addVersion(@UuidParam() id: string, @Req() request: FastifyRequest, @RequestCaller() keyed: Caller): Promise<DocumentResponse> {
    const caller = withoutIdempotencyKey(keyed);
    const upload = await receiveUpload(request, this.client, caller);
    const fields = await validatedFields(UploadVersionFieldsDto, upload, this.client, caller);
    return usingUpload(this.client, caller, upload, () =>
      this.client.send(DocumentOperations.versionsAdd, { ...fields, id, uploadId: upload.uploadId, fileName: upload.fileName }, caller),
    );
  }

  /** Hand-written: the file streams back in chunks with its own Content-Type and disposition. */
  @Get('documents/:id/versions/:version/download')
  @ApiAuthenticated()
  @RequireRoles(...DOCUMENT_ROLES)
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
    return streamDocument(this.client, caller, { id, version, inline: query.inline }, reply);
  }

  private async createDocument(request: FastifyRequest, keyed: Caller): Promise<DocumentResponse> {
    const caller = withoutIdempotencyKey(keyed);
    const upload = await receiveUpload(request, this.client, caller);
    const fields = await validatedFields(UploadDocumentFieldsDto, upload, this.client, caller);
    return usingUpload(this.client, caller, upload, () =>
      this.client.send(DocumentOperations.create, { ...fields, uploadId: upload.uploadId, fileName: upload.fileName }, caller),
    );
  }
}
