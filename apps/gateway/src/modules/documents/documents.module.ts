import { Module } from '@nestjs/common';
import { FolderOperations } from '@quartier/contracts-portfolio';
import { OperationClient } from '@quartier/messaging';
import { operationController } from '../../operations/operation-routes.factory';
import { DocumentsController } from './documents.controller';

/** The folder routes, generated from the operation descriptors; the route names keep their operationIds. */
const FoldersController = operationController('FoldersController', {
  tree: FolderOperations.tree,
  create: FolderOperations.create,
  get: FolderOperations.get,
  update: FolderOperations.update,
  delete: FolderOperations.delete,
});

/** /api/v1/documents: the document store of portfolio (files stream through in chunks, see document-upload.ts). */
@Module({ controllers: [FoldersController, DocumentsController], providers: [OperationClient] })
export class DocumentsRoutesModule {}
