import { DynamicModule, Module } from '@nestjs/common';
import { PlanLimitsService } from '../limits/plan-limits.service';
import { DOCUMENT_LIMITS, DocumentLimits } from './document-limits';
import { DocumentFilesService } from './documents/document-files.service';
import { DocumentsController } from './documents/documents.controller';
import { DocumentsService } from './documents/documents.service';
import { FoldersController } from './folders/folders.controller';
import { FoldersService } from './folders/folders.service';
import { documentStorageProvider } from './storage/document-storage.provider';
import { DocumentStorageConfig } from './storage/document-storage.config';
import { UploadsController } from './uploads/uploads.controller';
import { UploadsService } from './uploads/uploads.service';

/** The document store: staged uploads, documents with versions, folders, and the storage backend. */
@Module({})
export class DocumentsModule {
  static forRoot(config: DocumentStorageConfig): DynamicModule {
    const limits: DocumentLimits = { maxBytes: config.DOCUMENT_MAX_BYTES, uploadTtlMinutes: config.DOCUMENT_UPLOAD_TTL_MINUTES };
    return {
      module: DocumentsModule,
      controllers: [UploadsController, DocumentsController, FoldersController],
      providers: [
        { provide: DOCUMENT_LIMITS, useValue: limits },
        documentStorageProvider(config),
        UploadsService,
        FoldersService,
        DocumentFilesService,
        DocumentsService,
        PlanLimitsService,
      ],
    };
  }
}
