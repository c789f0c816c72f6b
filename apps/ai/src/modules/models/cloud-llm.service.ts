import { Inject, Injectable, Logger } from '@nestjs/common';
import OpenAI from 'openai';
import { AiErrorCode, AskResponse } from '@quartier/contracts-ai';
import { rpcError } from '@quartier/messaging';
import { AI_CONFIG, AiConfig } from '../../ai.config';
import { limitAnswer, stripThinking } from '../chat/prompt';
import { modelFailure } from './model.errors';


const PING_TIMEOUT_MS = 2000;
const ASK_SYSTEM_PROMPT =
  'You are the assistant of a property management company. Answer briefly and factually in the language of the question. If you are not sure, say so.';

/** The optional OpenAI-compatible cloud LLM (OpenRouter, OpenAI, …) behind `POST /llm/ask`. */
@Injectable()
export class CloudLlmService {
  private readonly logger = new Logger(CloudLlmService.name);
  private readonly client: OpenAI | undefined;

  constructor(@Inject(AI_CONFIG) private readonly config: AiConfig) {
    this.client = config.LLM_BASE_URL
      ? new OpenAI({ baseURL: config.LLM_BASE_URL, apiKey: config.LLM_API_KEY ?? 'none', timeout: config.LLM_TIMEOUT_MS, maxRetries: 0 })
      : undefined;
  }

  get configured(): boolean {
    return this.client !== undefined;
  }

  async ask(question: string, context: string | undefined): Promise<AskResponse> {
    if (!this.client) throw rpcError(503, AiErrorCode.LLM_NOT_CONFIGURED, 'No cloud LLM is configured (set LLM_BASE_URL and LLM_API_KEY)');
    try {
      const completion = await this.client.chat.completions.create({
        model: this.config.LLM_MODEL,
        max_tokens: this.config.LLM_MAX_ANSWER_TOKENS,
        messages: [
          { role: 'system', content: context ? `${ASK_SYSTEM_PROMPT}\n${context}` : ASK_SYSTEM_PROMPT },
          { role: 'user', content: question },
        ],
      });
      const content = completion.choices[0]?.message?.content ?? '';
      return { answer: limitAnswer(stripThinking(content), this.config.AI_ANSWER_MAX_CHARS), model: completion.model || this.config.LLM_MODEL };
    } catch (error) {
      const timedOut = error instanceof OpenAI.APIConnectionTimeoutError;
      this.logger.warn(`Cloud LLM failed: ${timedOut ? 'timeout' : (error as Error).name}`);
      throw modelFailure('The cloud LLM', timedOut ? { name: 'TimeoutError' } : error);
    }
  }

  /** null when no cloud LLM is configured. */
  async reachable(): Promise<boolean | null> {
    if (!this.client) return null;
    try {
      await this.client.models.list({ timeout: PING_TIMEOUT_MS });
      return true;
    } catch {
      return false;
    }
  }
}
