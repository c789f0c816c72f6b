import { Controller, Delete, Get, HttpCode, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScopes } from '@quartier/auth';
import { AiSubjects, ClearedConversationsView, ConversationDetailView, ConversationPageView } from '@quartier/contracts-ai';
import { Caller, PageQueryDto } from '@quartier/contracts-shared';
import { RpcClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { UuidParam } from '../../platform/validation';
import { RequestCaller } from '../../security/caller.decorator';

/** The signed-in user's own chat history: every role may read and clear its own. */
@ApiTags('ai')
@ApiAuthenticated()
@RequireScopes('read')
@Controller('ai/conversations')
export class AiConversationsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'Own conversations, most recent first' })
  @ApiOkResponse({ type: ConversationPageView })
  @ApiProblems(422)
  list(@Query() query: PageQueryDto, @RequestCaller() caller: Caller): Promise<ConversationPageView> {
    return this.rpc.request(AiSubjects.conversationsList, query, caller);
  }

  @Delete()
  @ApiOperation({ summary: 'Clear own chat history (every own conversation)' })
  @ApiOkResponse({ type: ClearedConversationsView })
  @ApiProblems()
  clear(@RequestCaller() caller: Caller): Promise<ClearedConversationsView> {
    return this.rpc.request(AiSubjects.conversationsClear, {}, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One own conversation with its messages, citations and tool calls' })
  @ApiOkResponse({ type: ConversationDetailView })
  @ApiProblems(404, 422)
  get(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<ConversationDetailView> {
    return this.rpc.request(AiSubjects.conversationsGet, { id }, caller);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete one own conversation' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404, 422)
  async remove(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<void> {
    await this.rpc.request(AiSubjects.conversationsDelete, { id }, caller);
  }
}
