import { CommonErrorCode, EmptyRequest, Role, defineOperation } from '@quartier/contracts-shared';
import { DeletedResponse, IdDto } from './common.dto';
import { CreateFolderDto, FolderResponse, FolderTreeResponse, UpdateFolderMessageDto } from './document-folder.dto';
import {
  DownloadChunkMessageDto,
  DownloadChunkResponse,
  DownloadInfoResponse,
  DownloadMessageDto,
  UploadChunkMessageDto,
  UploadChunkResponse,
  UploadIdDto,
  UploadStartedResponse,
} from './document-upload.dto';
import {
  AddDocumentVersionMessageDto,
  CreateDocumentMessageDto,
  DocumentPageResponse,
  DocumentQueryDto,
  DocumentResponse,
  DocumentUsageResponse,
  DocumentVersionPageResponse,
  DocumentVersionsMessageDto,
  UpdateDocumentMessageDto,
} from './document.dto';
import { DocumentErrorCode } from './document.errors';

const service = 'portfolio';
const tags = ['documents'] as const;

/** Everyone in the organization but residents (renters see no internal files). */
export const DOCUMENT_ROLES: readonly Role[] = ['owner', 'admin', 'manager', 'agent', 'viewer'];
const READ = { scopes: ['read'], roles: DOCUMENT_ROLES } as const;
const WRITE = { scopes: ['write'], roles: DOCUMENT_ROLES } as const;
const DELETE = { scopes: ['delete'], roles: DOCUMENT_ROLES } as const;

/** Moving a file into storage takes longer than a metadata call; the chunks themselves use the default deadline. */
const STORE_TIMEOUT_MS = 60_000;

const NOT_FOUND = { [CommonErrorCode.NOT_FOUND]: 404 } as const;
const INVALID = { [CommonErrorCode.VALIDATION_FAILED]: 422 } as const;
/** Turning a staged upload into a document or version. */
const STORING = {
  [CommonErrorCode.PLAN_LIMIT_REACHED]: 402,
  ...NOT_FOUND,
  [DocumentErrorCode.UPLOAD_NOT_FOUND]: 404,
  [CommonErrorCode.PAYLOAD_TOO_LARGE]: 413,
  [CommonErrorCode.UNSUPPORTED_MEDIA_TYPE]: 415,
  ...INVALID,
} as const;

/**
 * The document store. Uploads and downloads stream through the gateway in chunks (hand-written
 * routes, see the gateway's document-upload.ts and document-download.ts), so their operations
 * are callable over the bus only.
 */
export const DocumentOperations = {
  list: defineOperation({
    service,
    subject: 'portfolio.v1.documents.list',
    request: DocumentQueryDto,
    response: DocumentPageResponse,
    http: {
      method: 'GET',
      path: '/documents',
      status: 200,
      tags,
      summary: 'List documents (category, property, building, unit, lease, contact, folder, tag, q over title and tags; paging, sorting)',
    },
    access: READ,
    paged: true,
    idempotency: 'safe',
    errors: { ...INVALID },
  }),
  get: defineOperation({
    service,
    subject: 'portfolio.v1.documents.get',
    request: IdDto,
    response: DocumentResponse,
    http: { method: 'GET', path: '/documents/:id', status: 200, tags, summary: 'Get the metadata of a document with its current version' },
    access: READ,
    paged: false,
    idempotency: 'safe',
    errors: { ...NOT_FOUND, ...INVALID },
  }),
  update: defineOperation({
    service,
    subject: 'portfolio.v1.documents.update',
    request: UpdateDocumentMessageDto,
    response: DocumentResponse,
    http: {
      method: 'PATCH',
      path: '/documents/:id',
      status: 200,
      tags,
      summary: 'Change title, category, tags, links or folder (null clears a link or moves to the root)',
    },
    access: WRITE,
    paged: false,
    idempotency: 'idempotent',
    errors: { ...NOT_FOUND, ...INVALID },
  }),
  delete: defineOperation({
    service,
    subject: 'portfolio.v1.documents.delete',
    request: IdDto,
    response: DeletedResponse,
    http: {
      method: 'DELETE',
      path: '/documents/:id',
      status: 204,
      tags,
      summary: 'Delete a document with every version and its stored files',
      responseDescription: 'Deleted',
    },
    access: DELETE,
    paged: false,
    idempotency: 'idempotent',
    errors: { ...NOT_FOUND, ...INVALID },
  }),
  versionsList: defineOperation({
    service,
    subject: 'portfolio.v1.documents.versions.list',
    request: DocumentVersionsMessageDto,
    response: DocumentVersionPageResponse,
    http: { method: 'GET', path: '/documents/:id/versions', status: 200, tags, summary: 'Versions of a document, newest first' },
    access: READ,
    paged: true,
    idempotency: 'safe',
    errors: { ...NOT_FOUND, ...INVALID },
  }),
  uploadStart: defineOperation({
    service,
    subject: 'portfolio.v1.documents.uploads.start',
    request: EmptyRequest,
    response: UploadStartedResponse,
    access: WRITE,
    paged: false,
    // Each call opens a new staging area.
    idempotency: 'none',
    errors: {},
  }),
  uploadChunk: defineOperation({
    service,
    subject: 'portfolio.v1.documents.uploads.chunk',
    request: UploadChunkMessageDto,
    response: UploadChunkResponse,
    access: WRITE,
    paged: false,
    idempotency: 'none',
    errors: {
      [DocumentErrorCode.UPLOAD_NOT_FOUND]: 404,
      [DocumentErrorCode.UPLOAD_CHUNK_OUT_OF_ORDER]: 409,
      [CommonErrorCode.PAYLOAD_TOO_LARGE]: 413,
      ...INVALID,
    },
  }),
  uploadDiscard: defineOperation({
    service,
    subject: 'portfolio.v1.documents.uploads.discard',
    request: UploadIdDto,
    response: DeletedResponse,
    access: WRITE,
    paged: false,
    idempotency: 'idempotent',
    errors: { [DocumentErrorCode.UPLOAD_NOT_FOUND]: 404, ...INVALID },
  }),
  create: defineOperation({
    service,
    subject: 'portfolio.v1.documents.create',
    request: CreateDocumentMessageDto,
    response: DocumentResponse,
    access: WRITE,
    paged: false,
    idempotency: 'none',
    errors: STORING,
    timeoutMs: STORE_TIMEOUT_MS,
  }),
  versionsAdd: defineOperation({
    service,
    subject: 'portfolio.v1.documents.versions.add',
    request: AddDocumentVersionMessageDto,
    response: DocumentResponse,
    access: WRITE,
    paged: false,
    idempotency: 'none',
    errors: STORING,
    timeoutMs: STORE_TIMEOUT_MS,
  }),
  download: defineOperation({
    service,
    subject: 'portfolio.v1.documents.download',
    request: DownloadMessageDto,
    response: DownloadInfoResponse,
    access: READ,
    paged: false,
    idempotency: 'safe',
    errors: { ...NOT_FOUND, ...INVALID },
  }),
  downloadChunk: defineOperation({
    service,
    subject: 'portfolio.v1.documents.download-chunk',
    request: DownloadChunkMessageDto,
    response: DownloadChunkResponse,
    access: READ,
    paged: false,
    idempotency: 'safe',
    errors: { ...NOT_FOUND, ...INVALID },
  }),
  usage: defineOperation({
    service,
    subject: 'portfolio.v1.documents.usage',
    request: EmptyRequest,
    response: DocumentUsageResponse,
    access: READ,
    paged: false,
    idempotency: 'safe',
    errors: {},
  }),
};

export const FolderOperations = {
  tree: defineOperation({
    service,
    subject: 'portfolio.v1.documents.folders.tree',
    request: EmptyRequest,
    response: FolderTreeResponse,
    http: { method: 'GET', path: '/documents/folders', status: 200, tags, summary: "The organization's folder tree with document counts" },
    access: READ,
    paged: false,
    idempotency: 'safe',
    errors: {},
  }),
  create: defineOperation({
    service,
    subject: 'portfolio.v1.documents.folders.create',
    request: CreateFolderDto,
    response: FolderResponse,
    http: { method: 'POST', path: '/documents/folders', status: 201, tags, summary: 'Create a folder (409 when a sibling has the same name)' },
    access: WRITE,
    paged: false,
    idempotency: 'none',
    // 404: the parent folder is not in the organization.
    errors: { ...NOT_FOUND, [DocumentErrorCode.FOLDER_NAME_TAKEN]: 409, ...INVALID },
  }),
  get: defineOperation({
    service,
    subject: 'portfolio.v1.documents.folders.get',
    request: IdDto,
    response: FolderResponse,
    http: { method: 'GET', path: '/documents/folders/:id', status: 200, tags, summary: 'Get a folder' },
    access: READ,
    paged: false,
    idempotency: 'safe',
    errors: { ...NOT_FOUND, ...INVALID },
  }),
  update: defineOperation({
    service,
    subject: 'portfolio.v1.documents.folders.update',
    request: UpdateFolderMessageDto,
    response: FolderResponse,
    http: {
      method: 'PATCH',
      path: '/documents/folders/:id',
      status: 200,
      tags,
      summary: 'Rename or move a folder (parentId null = root; 422 into itself or a sub-folder, 409 name taken)',
    },
    access: WRITE,
    paged: false,
    idempotency: 'idempotent',
    errors: { ...NOT_FOUND, [DocumentErrorCode.FOLDER_NAME_TAKEN]: 409, ...INVALID },
  }),
  delete: defineOperation({
    service,
    subject: 'portfolio.v1.documents.folders.delete',
    request: IdDto,
    response: DeletedResponse,
    http: {
      method: 'DELETE',
      path: '/documents/folders/:id',
      status: 204,
      tags,
      summary: 'Delete an empty folder (409 FOLDER_NOT_EMPTY while it has sub-folders or documents)',
      responseDescription: 'Deleted',
    },
    access: DELETE,
    paged: false,
    idempotency: 'idempotent',
    errors: { ...NOT_FOUND, [DocumentErrorCode.FOLDER_NOT_EMPTY]: 409, ...INVALID },
  }),
};
