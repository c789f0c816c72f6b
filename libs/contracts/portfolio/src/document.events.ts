import type { DocumentCategory } from './document.dto';

/** Events of the document store (outbox → JetStream `<prefix>.events.portfolio.document.<verb>`). */
export const DocumentEvent = {
  UPLOADED: 'portfolio.document.uploaded',
  VERSION_ADDED: 'portfolio.document.version-added',
  UPDATED: 'portfolio.document.updated',
  DELETED: 'portfolio.document.deleted',
} as const;
export type DocumentEventType = (typeof DocumentEvent)[keyof typeof DocumentEvent];

/** The stored file of one version, as events describe it (never its storage location). */
export interface DocumentFilePayload {
  version: number;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** A document's metadata as events carry it. */
export interface DocumentMetadataPayload {
  documentId: string;
  title: string;
  category: DocumentCategory;
  tags: string[];
  propertyId: string | null;
  buildingId: string | null;
  unitId: string | null;
  leaseId: string | null;
  contactId: string | null;
  folderId: string | null;
}

export interface DocumentUploadedPayload extends DocumentMetadataPayload, DocumentFilePayload {
  uploadedBy: string | null;
}

/** The metadata after a change of title, category, tags, links or folder (the file is unchanged). */
export type DocumentUpdatedPayload = DocumentMetadataPayload;

export interface DocumentVersionAddedPayload extends DocumentFilePayload {
  documentId: string;
  comment: string | null;
  uploadedBy: string | null;
}

export interface DocumentDeletedPayload {
  documentId: string;
  title: string;
  /** How many versions (and stored files) were removed. */
  versions: number;
  /** Bytes freed in the organization's storage. */
  size: number;
}
