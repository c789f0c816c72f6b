import { Inject, Injectable, Logger } from '@nestjs/common';
import { ChatResponse, Message, Ollama, Tool } from 'ollama';
import { AI_CONFIG, AiConfig } from '../../ai.config';
import { fetchWithTimeout, modelFailure } from './model.errors';

const PING_TIMEOUT_MS = 2000;

/** Chat and embeddings through the official Ollama client, each call bounded by LLM_TIMEOUT_MS. */
@Injectable()
export class OllamaService {
  private readonly logger = new Logger(OllamaService.name);
  private readonly client: Ollama;
  private readonly pingClient: Ollama;

  constructor(@Inject(AI_CONFIG) private readonly config: AiConfig) {
    this.client = new Ollama({ host: config.OLLAMA_URL, fetch: fetchWithTimeout(config.LLM_TIMEOUT_MS) });
    this.pingClient = new Ollama({ host: config.OLLAMA_URL, fetch: fetchWithTimeout(PING_TIMEOUT_MS) });
  }

  get chatModel(): string {
    return this.config.OLLAMA_CHAT_MODEL;
  }

  async embed(texts: string[]): Promise<number[][]> {
    try {
      const response = await this.client.embed({ model: this.config.OLLAMA_EMBEDDING_MODEL, input: texts });
      if (response.embeddings.length !== texts.length || response.embeddings.some((vector) => vector.length !== this.config.EMBEDDING_DIMENSION)) {
        this.logger.error(`Embedding model answered vectors that are not ${this.config.EMBEDDING_DIMENSION}-dimensional`);
        throw new Error('embedding dimension mismatch');
      }
      return response.embeddings;
    } catch (error) {
      this.logger.warn(`Ollama embed failed: ${(error as Error).name}`);
      throw modelFailure('Ollama', error);
    }
  }

  async chat(messages: Message[], tools: Tool[]): Promise<ChatResponse> {
    try {
      return await this.client.chat({
        model: this.config.OLLAMA_CHAT_MODEL,
        messages,
        ...(tools.length > 0 ? { tools } : {}),
        stream: false,
        options: { num_predict: this.config.LLM_MAX_ANSWER_TOKENS, temperature: 0.2 },
      });
    } catch (error) {
      this.logger.warn(`Ollama chat failed: ${(error as Error).name}`);
      throw modelFailure('Ollama', error);
    }
  }

  async reachable(): Promise<boolean> {
    try {
      await this.pingClient.list();
      return true;
    } catch {
      return false;
    }
  }
}
