import { DynamicModule, Module } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DOCUMENT_CHUNK_BYTES } from '@quartier/contracts-portfolio';
import { NATS_CONNECTION } from '@quartier/messaging';
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
import { chunkBytesFor } from './uploads/upload-rules';

/** NATS' default, for a connection that has not received the server's INFO (it always has once connected). */
const DEFAULT_NATS_MAX_PAYLOAD = 1024 * 1024;

/** The document store: staged uploads, documents with versions, folders, and the storage backend. */
@Module({})
export class DocumentsModule {
  static forRoot(config: DocumentStorageConfig): DynamicModule {
    return {
      module: DocumentsModule,
      controllers: [UploadsController, DocumentsController, FoldersController],
      providers: [
        {
          provide: DOCUMENT_LIMITS,
          inject: [NATS_CONNECTION],
          useFactory: (nats: NatsConnection): DocumentLimits => ({
            maxBytes: config.DOCUMENT_MAX_BYTES,
            chunkBytes: chunkBytesFor(nats.info?.max_payload ?? DEFAULT_NATS_MAX_PAYLOAD, DOCUMENT_CHUNK_BYTES),
            uploadTtlMinutes: config.DOCUMENT_UPLOAD_TTL_MINUTES,
          }),
        },
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
