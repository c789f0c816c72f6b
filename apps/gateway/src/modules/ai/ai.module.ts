import { Module } from '@nestjs/common';
import { AiOperations } from '@quartier/contracts-ai';
import { OperationClient } from '@quartier/messaging';
import { operationController } from '../../operations/operation-routes.factory';
import { AiController } from './ai.controller';

/*
 * /api/v1 routes of the ai service, /ai/* and the cloud LLM's /llm/ask, generated from its
 * operation descriptors (the upload is written by hand in AiController). The controller and route
 * names keep the operationIds clients already use.
 */
const AiSourcesController = operationController('AiSourcesController', {
  list: AiOperations.sourcesList,
  get: AiOperations.sourcesGet,
  remove: AiOperations.sourcesDelete,
});

const AiConversationsController = operationController('AiConversationsController', {
  list: AiOperations.conversationsList,
  clear: AiOperations.conversationsClear,
  get: AiOperations.conversationsGet,
  remove: AiOperations.conversationsDelete,
});

const LlmController = operationController('LlmController', { ask: AiOperations.ask });

@Module({ controllers: [AiController, AiSourcesController, AiConversationsController, LlmController], providers: [OperationClient] })
export class AiRoutesModule {}
