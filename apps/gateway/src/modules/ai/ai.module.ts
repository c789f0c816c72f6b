import { Module } from '@nestjs/common';
import { AiConversationsController } from './ai-conversations.controller';
import { AiSourcesController } from './ai-sources.controller';
import { AiController } from './ai.controller';
import { LlmController } from './llm.controller';

/** /api/v1 routes of the ai service: /ai/* and the cloud LLM's /llm/ask. */
@Module({ controllers: [AiController, AiSourcesController, AiConversationsController, LlmController] })
export class AiRoutesModule {}
