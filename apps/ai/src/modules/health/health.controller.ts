import { Controller, Inject } from '@nestjs/common';
import { AiHealthView, AiOperations } from '@quartier/contracts-ai';
import { OrgCaller } from '@quartier/contracts-shared';
import { CurrentCaller, HandlesOperation } from '@quartier/messaging';
import { AI_CONFIG, AiConfig } from '../../ai.config';
import { CloudLlmService } from '../models/cloud-llm.service';
import { OllamaService } from '../models/ollama.service';
import { VectorStore } from '../vectors/vector-store.service';

@Controller()
export class HealthController {
  constructor(
    private readonly ollama: OllamaService,
    private readonly cloud: CloudLlmService,
    private readonly vectors: VectorStore,
    @Inject(AI_CONFIG) private readonly config: AiConfig,
  ) {}

  /** Reachability of Ollama, Qdrant and the cloud LLM, and the caller's organization's chunk count. */
  @HandlesOperation(AiOperations.health)
  async health(@CurrentCaller() caller: OrgCaller): Promise<AiHealthView> {
    const [ollama, qdrant, cloudLlm] = await Promise.all([this.ollama.reachable(), this.vectors.status(), this.cloud.reachable()]);
    const organizationChunkCount = qdrant.collectionExists ? await this.vectors.countOrganization(caller.organizationId).catch(() => 0) : 0;
    return {
      ollama,
      qdrant: qdrant.reachable,
      collectionExists: qdrant.collectionExists,
      cloudLlmConfigured: this.cloud.configured,
      cloudLlm,
      organizationChunkCount,
      chatModel: this.config.OLLAMA_CHAT_MODEL,
      embeddingModel: this.config.OLLAMA_EMBEDDING_MODEL,
    };
  }
}
