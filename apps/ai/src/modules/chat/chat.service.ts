import { Inject, Injectable } from '@nestjs/common';
import { Message } from 'ollama';
import { AiErrorCode, ChatDto, ChatResponse, ToolCallView } from '@quartier/contracts-ai';
import { isResidentOnly } from '@quartier/auth';
import { OrgCaller } from '@quartier/contracts-shared';
import { rpcError } from '@quartier/messaging';
import { AI_CONFIG, AiConfig } from '../../ai.config';
import { withoutControlCharacters } from '../../common/text';
import { RequestLimiter } from '../limits/request-limiter.service';
import { OllamaService } from '../models/ollama.service';
import { TOOL_NAMES, toolDefinitions } from '../tools/tool-definitions';
import { ToolRunner } from '../tools/tool-runner.service';
import { VectorStore } from '../vectors/vector-store.service';
import { citationsFor } from './citations';
import { ConversationService } from './conversation.service';
import { RetrievedChunk, buildChatMessages, limitAnswer, stripThinking } from './prompt';

/**
 * One chat turn: retrieve the organization's closest chunks, let the model call tools for live
 * data with the caller's permissions, answer with citations and keep both messages.
 */
@Injectable()
export class ChatService {
  constructor(
    private readonly ollama: OllamaService,
    private readonly vectors: VectorStore,
    private readonly tools: ToolRunner,
    private readonly conversations: ConversationService,
    private readonly limiter: RequestLimiter,
    @Inject(AI_CONFIG) private readonly config: AiConfig,
  ) {}

  async chat(caller: OrgCaller, dto: ChatDto): Promise<ChatResponse> {
    const question = withoutControlCharacters(dto.message);
    const deadline = Date.now() + this.config.LLM_TIMEOUT_MS;
    // Another user's or organization's conversation is answered as missing, before any budget is used.
    if (dto.conversationId) await this.conversations.require(caller, dto.conversationId);
    await this.limiter.take(caller.organizationId);
    const history = dto.conversationId ? await this.conversations.history(caller, dto.conversationId, this.config.CHAT_HISTORY_MESSAGES) : [];
    const chunks = await this.retrieve(caller, question);
    const messages = buildChatMessages({
      question,
      history,
      chunks,
      toolNames: [...TOOL_NAMES],
      today: new Date().toISOString().slice(0, 10),
    });
    const { content, toolCalls } = await this.converse(caller, messages, deadline);
    const answer = limitAnswer(withoutControlCharacters(stripThinking(content)), this.config.AI_ANSWER_MAX_CHARS);
    const citations = citationsFor(answer, chunks);
    const { conversationId, messageId } = await this.conversations.record(caller, dto.conversationId, question, { content: answer, citations, toolCalls });
    return { conversationId, messageId, answer, citations, toolCalls, model: this.ollama.chatModel };
  }

  /** The closest chunks of the caller's organization only; residents only see sources shared with them. */
  private async retrieve(caller: OrgCaller, question: string): Promise<RetrievedChunk[]> {
    const [vector] = await this.ollama.embed([question]);
    const results = await this.vectors.search({
      organizationId: caller.organizationId,
      vector,
      limit: this.config.RETRIEVAL_TOP_K,
      minScore: this.config.RETRIEVAL_MIN_SCORE / 100,
      residentsOnly: isResidentOnly(caller.roles),
    });
    return results.map((result) => ({
      chunkId: result.id,
      sourceId: result.payload.source_id,
      title: result.payload.title,
      position: result.payload.position,
      content: result.payload.content,
      score: result.score,
    }));
  }

  /** Model turns until it answers; after CHAT_MAX_TOOL_ROUNDS rounds of tool calls it must answer without tools. */
  private async converse(caller: OrgCaller, messages: Message[], deadline: number): Promise<{ content: string; toolCalls: ToolCallView[] }> {
    const toolCalls: ToolCallView[] = [];
    const tools = toolDefinitions();
    for (let round = 0; ; round += 1) {
      if (Date.now() > deadline) throw rpcError(504, AiErrorCode.LLM_TIMEOUT, 'The assistant did not finish in time');
      const mayUseTools = round < this.config.CHAT_MAX_TOOL_ROUNDS;
      const response = await this.ollama.chat(messages, mayUseTools ? tools : []);
      const calls = mayUseTools ? (response.message.tool_calls ?? []) : [];
      if (calls.length === 0) return { content: response.message.content, toolCalls };
      messages.push({ role: 'assistant', content: response.message.content ?? '', tool_calls: calls });
      for (const call of calls) {
        const outcome = await this.tools.run(caller, call.function.name, call.function.arguments);
        toolCalls.push(outcome.view);
        messages.push({ role: 'tool', content: outcome.content, tool_name: call.function.name });
      }
    }
  }
}
