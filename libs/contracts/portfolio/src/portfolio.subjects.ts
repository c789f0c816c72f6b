import { AnyOperation, subjectsOf } from '@quartier/contracts-shared';
import { ContactActivityOperations, ContactOperations } from './contact.operations';
import { BuildingOperations, PropertyOperations, UnitOperations, UsageOperations } from './portfolio.operations';

/** `{ <prefix><Name>: subject }`: the flat names the subjects have always had (`propertiesList`). */
type Prefixed<Prefix extends string, Group> = { readonly [Name in keyof Group & string as `${Prefix}${Capitalize<Name>}`]: string };

function prefixed<Prefix extends string, Group extends Record<string, AnyOperation>>(prefix: Prefix, group: Group): Prefixed<Prefix, Group> {
  const entries = Object.entries(subjectsOf(group)).map(([name, subject]) => [`${prefix}${name.charAt(0).toUpperCase()}${name.slice(1)}`, subject]);
  return Object.fromEntries(entries) as Prefixed<Prefix, Group>;
}

/**
 * NATS subjects of the portfolio service (without the deployment prefix), read off the operation
 * descriptors where they exist. Payload DTO → response in comments for the others.
 */
export const PortfolioSubjects = {
  ...prefixed('properties', PropertyOperations),
  ...prefixed('buildings', BuildingOperations),
  ...prefixed('units', UnitOperations),
  ...prefixed('usage', UsageOperations),
  ...prefixed('contacts', ContactOperations),
  ...prefixed('contactActivities', ContactActivityOperations),

  /** {} → UploadStartedResponse (a staging area for the chunks of one file) */
  documentsUploadStart: 'portfolio.v1.documents.uploads.start',
  /** UploadChunkMessageDto → UploadChunkResponse (413 past DOCUMENT_MAX_BYTES, 409 out of order) */
  documentsUploadChunk: 'portfolio.v1.documents.uploads.chunk',
  /** UploadIdDto → { deleted: true } (drops a staged upload that will not be used) */
  documentsUploadDiscard: 'portfolio.v1.documents.uploads.discard',
  /** CreateDocumentMessageDto → DocumentResponse (415 wrong type, 402 over the plan's documents/storage) */
  documentsCreate: 'portfolio.v1.documents.create',
  /** DocumentQueryDto → DocumentPageResponse */
  documentsList: 'portfolio.v1.documents.list',
  /** IdDto → DocumentResponse */
  documentsGet: 'portfolio.v1.documents.get',
  /** UpdateDocumentMessageDto → DocumentResponse (event portfolio.document.updated) */
  documentsUpdate: 'portfolio.v1.documents.update',
  /** IdDto → { deleted: true } (metadata and the stored bytes of every version) */
  documentsDelete: 'portfolio.v1.documents.delete',
  /** AddDocumentVersionMessageDto → DocumentResponse */
  documentsVersionsAdd: 'portfolio.v1.documents.versions.add',
  /** DocumentVersionsMessageDto → DocumentVersionPageResponse (newest first) */
  documentsVersionsList: 'portfolio.v1.documents.versions.list',
  /** DownloadMessageDto → DownloadInfoResponse */
  documentsDownload: 'portfolio.v1.documents.download',
  /** DownloadChunkMessageDto → DownloadChunkResponse */
  documentsDownloadChunk: 'portfolio.v1.documents.download-chunk',
  /** {} → DocumentUsageResponse */
  documentsUsage: 'portfolio.v1.documents.usage',
  /** {} → FolderTreeResponse */
  foldersTree: 'portfolio.v1.documents.folders.tree',
  /** IdDto → FolderResponse */
  foldersGet: 'portfolio.v1.documents.folders.get',
  /** CreateFolderDto → FolderResponse (409 FOLDER_NAME_TAKEN) */
  foldersCreate: 'portfolio.v1.documents.folders.create',
  /** UpdateFolderMessageDto → FolderResponse (409 FOLDER_NAME_TAKEN, 422 moved into itself) */
  foldersUpdate: 'portfolio.v1.documents.folders.update',
  /** IdDto → { deleted: true } (409 FOLDER_NOT_EMPTY) */
  foldersDelete: 'portfolio.v1.documents.folders.delete',
};
export type PortfolioSubject = (typeof PortfolioSubjects)[keyof typeof PortfolioSubjects];
