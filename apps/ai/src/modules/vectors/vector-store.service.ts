import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { QdrantClient } from '@qdrant/js-client-rest';
import { SourceVisibility } from '@quartier/contracts-ai';
import { AI_CONFIG, AiConfig } from '../../ai.config';
import { vectorStoreFailure } from '../models/model.errors';

/** What each point carries besides its vector; the organization is in every filter. (A type alias: Qdrant wants an index signature.) */
export type ChunkPayload = {
  organization_id: string;
  source_id: string;
  title: string;
  position: number;
  visibility: SourceVisibility;
  content: string;
};

export interface ChunkPoint {
  id: string;
  vector: number[];
  payload: ChunkPayload;
}

export interface ScoredChunk {
  id: string;
  score: number;
  payload: ChunkPayload;
}

export interface SearchRequest {
  organizationId: string;
  vector: number[];
  limit: number;
  minScore: number;
  /** Residents only see chunks of sources shared with residents. */
  residentsOnly: boolean;
}

/**
 * One Qdrant collection for every organization, cosine distance, created at boot with the
 * configured dimension. Every read, count and delete is filtered by organization_id: no method
 * here takes a query without the organization.
 */
@Injectable()
export class VectorStore implements OnApplicationBootstrap {
  private readonly logger = new Logger(VectorStore.name);
  private readonly client: QdrantClient;
  private ready = false;

  constructor(@Inject(AI_CONFIG) private readonly config: AiConfig) {
    this.client = new QdrantClient({
      url: config.QDRANT_URL,
      ...(config.QDRANT_API_KEY ? { apiKey: config.QDRANT_API_KEY } : {}),
      timeout: 10_000,
      checkCompatibility: false,
    });
  }

  private get collection(): string {
    return this.config.QDRANT_COLLECTION;
  }

  /** Qdrant may start after us: boot goes on, and the next use tries again. */
  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.ensureCollection();
    } catch {
      this.logger.warn('Qdrant is not reachable yet; the collection is created on first use');
    }
  }

  async ensureCollection(): Promise<void> {
    if (this.ready) return;
    const { exists } = await this.client.collectionExists(this.collection);
    if (exists) {
      const size = await this.dimension();
      if (size !== this.config.EMBEDDING_DIMENSION) {
        this.logger.error(`Collection ${this.collection} has ${size}-dimensional vectors, EMBEDDING_DIMENSION is ${this.config.EMBEDDING_DIMENSION}`);
        throw new Error('collection dimension mismatch');
      }
    } else {
      await this.client.createCollection(this.collection, { vectors: { size: this.config.EMBEDDING_DIMENSION, distance: 'Cosine' } });
      this.logger.log(`Created Qdrant collection ${this.collection} (${this.config.EMBEDDING_DIMENSION} dimensions)`);
    }
    for (const field of ['organization_id', 'source_id', 'visibility']) {
      await this.client.createPayloadIndex(this.collection, { field_name: field, field_schema: 'keyword', wait: true });
    }
    this.ready = true;
  }

  async upsert(points: ChunkPoint[]): Promise<void> {
    if (points.length === 0) return;
    await this.guard(async () => {
      await this.client.upsert(this.collection, { wait: true, points });
    });
  }

  async deleteSource(organizationId: string, sourceId: string): Promise<void> {
    await this.guard(async () => {
      await this.client.delete(this.collection, {
        wait: true,
        filter: { must: [match('organization_id', organizationId), match('source_id', sourceId)] },
      });
    });
  }

  /** Deletes the points of a source that are not among `keep` (the chunks of its newest revision). */
  async deleteSourceExcept(organizationId: string, sourceId: string, keep: string[]): Promise<void> {
    await this.guard(async () => {
      await this.client.delete(this.collection, {
        wait: true,
        filter: { must: [match('organization_id', organizationId), match('source_id', sourceId)], must_not: [{ has_id: keep }] },
      });
    });
  }

  async search(request: SearchRequest): Promise<ScoredChunk[]> {
    const must = [match('organization_id', request.organizationId), ...(request.residentsOnly ? [match('visibility', 'residents')] : [])];
    return this.guard(async () => {
      const results = await this.client.search(this.collection, {
        vector: request.vector,
        limit: request.limit,
        score_threshold: request.minScore,
        with_payload: true,
        filter: { must },
      });
      return results.map((point) => ({ id: String(point.id), score: point.score, payload: point.payload as unknown as ChunkPayload }));
    });
  }

  async countOrganization(organizationId: string): Promise<number> {
    return this.guard(async () => {
      const result = await this.client.count(this.collection, { exact: true, filter: { must: [match('organization_id', organizationId)] } });
      return result.count;
    });
  }

  /** Whether Qdrant answers and the collection is in place with the configured dimension. */
  async status(): Promise<{ reachable: boolean; collectionExists: boolean }> {
    try {
      const { exists } = await this.client.collectionExists(this.collection);
      const usable = exists && (await this.dimension()) === this.config.EMBEDDING_DIMENSION;
      if (!usable) this.ready = false;
      return { reachable: true, collectionExists: usable };
    } catch {
      return { reachable: false, collectionExists: false };
    }
  }

  private async dimension(): Promise<number | undefined> {
    const info = await this.client.getCollection(this.collection);
    return (info.config.params.vectors as { size?: number } | undefined)?.size;
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      await this.ensureCollection();
      return await work();
    } catch (error) {
      // Status or error name only: Qdrant's messages may echo request content.
      this.logger.warn(`Qdrant call failed: ${(error as { status?: number }).status ?? (error as Error).name}`);
      throw vectorStoreFailure();
    }
  }
}

function match(key: string, value: string) {
  return { key, match: { value } };
}
