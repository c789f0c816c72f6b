import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  AiDeletedView,
  AiIdDto,
  AiOperations,
  AskDto,
  AskResponse,
  ChatDto,
  ChatResponse,
  ClearedConversationsView,
  ConversationDetailView,
  ConversationPageView,
} from '@quartier/contracts-ai';
import { OrgCaller, PageQueryDto } from '@quartier/contracts-shared';
import { CurrentCaller, HandlesOperation } from '@quartier/messaging';
import { RequestLimiter } from '../limits/request-limiter.service';
import { CloudLlmService } from '../models/cloud-llm.service';
import { ChatService } from './chat.service';
import { ConversationService } from './conversation.service';

@Controller()
export class ChatController {
  constructor(
    private readonly chats: ChatService,
    private readonly conversations: ConversationService,
    private readonly cloud: CloudLlmService,
    private readonly limiter: RequestLimiter,
  ) {}

  @HandlesOperation(AiOperations.chat)
  chat(@CurrentCaller() caller: OrgCaller, @Payload() dto: ChatDto): Promise<ChatResponse> {
    return this.chats.chat(caller, dto);
  }

  /** General questions to the cloud LLM: no documents and no tools, so nothing of the organization leaves. */
  @HandlesOperation(AiOperations.ask)
  async ask(@CurrentCaller() caller: OrgCaller, @Payload() dto: AskDto): Promise<AskResponse> {
    await this.limiter.take(caller.organizationId);
    return this.cloud.ask(dto.question, dto.context);
  }

  @HandlesOperation(AiOperations.conversationsList)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: PageQueryDto): Promise<ConversationPageView> {
    return this.conversations.list(caller, query);
  }

  @HandlesOperation(AiOperations.conversationsGet)
  get(@CurrentCaller() caller: OrgCaller, @Payload() request: AiIdDto): Promise<ConversationDetailView> {
    return this.conversations.get(caller, request.id);
  }

  @HandlesOperation(AiOperations.conversationsClear)
  async clear(@CurrentCaller() caller: OrgCaller): Promise<ClearedConversationsView> {
    return { deleted: await this.conversations.clear(caller) };
  }

  @HandlesOperation(AiOperations.conversationsDelete)
  async delete(@CurrentCaller() caller: OrgCaller, @Payload() request: AiIdDto): Promise<AiDeletedView> {
    await this.conversations.delete(caller, request.id);
    return { deleted: true };
  }
}
