import { Module } from '@nestjs/common';
import { DocumentsController } from './documents.controller';
import { FoldersController } from './folders.controller';

/** /api/v1/documents: the document store of portfolio (files stream through in chunks, see document-upload.ts). */
@Module({ controllers: [FoldersController, DocumentsController] })
export class DocumentsRoutesModule {}
