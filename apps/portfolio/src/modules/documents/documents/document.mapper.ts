import { DocumentResponse, DocumentVersionResponse } from '@quartier/contracts-portfolio';
import { DocumentVersionEntity } from './document-version.entity';
import { DocumentEntity } from './document.entity';

/** Everything but the storage key, which never leaves the service. */
export function toVersionResponse(version: DocumentVersionEntity): DocumentVersionResponse {
  return {
    id: version.id,
    number: version.number,
    fileName: version.fileName,
    contentType: version.contentType,
    size: version.sizeBytes,
    sha256: version.sha256,
    comment: version.comment,
    uploadedBy: version.uploadedBy,
    createdAt: version.createdAt.toISOString(),
  };
}

/** A document loaded with its current version joined (`current`). */
export function toDocumentResponse(document: DocumentEntity): DocumentResponse {
  if (!document.current) throw new Error(`Document ${document.id} was loaded without its current version`);
  return {
    id: document.id,
    title: document.title,
    category: document.category,
    tags: document.tags,
    propertyId: document.propertyId,
    buildingId: document.buildingId,
    unitId: document.unitId,
    leaseId: document.leaseId,
    contactId: document.contactId,
    folderId: document.folderId,
    currentVersion: toVersionResponse(document.current),
    // Versions are only ever added, numbered from 1, so the newest number is the count.
    versionCount: document.currentVersion,
    createdBy: document.createdBy,
    createdAt: document.createdAt.toISOString(),
    updatedAt: document.updatedAt.toISOString(),
  };
}
