import { DocumentVersionEntity } from './documents/document-version.entity';
import { DocumentEntity } from './documents/document.entity';
import { DocumentFolderEntity } from './folders/document-folder.entity';

/** The document store's entities, listed in portfolio.entities.ts. */
export const DOCUMENT_ENTITIES = [DocumentFolderEntity, DocumentEntity, DocumentVersionEntity];
