import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AiErrorCode, AiEvent, SourceDeletedPayload, SourceFailedPayload, SourceIndexedPayload, SourceKind, SourceView, SourceVisibility } from '@quartier/contracts-ai';
import { OrgScopedRepository, addToOutbox } from '@quartier/db';
import { rpcError } from '@quartier/messaging';
import { AI_CONFIG, AiConfig } from '../../ai.config';
import { OllamaService } from '../models/ollama.service';
import { VectorStore } from '../vectors/vector-store.service';
import { chunkText } from './chunking';
import { toSourceView } from './source.mapper';
import { ChunkEntity, SourceEntity } from './source.entity';

const EMBED_BATCH = 32;
/** A source still `processing` this long after its last change was cut off by a restart. */
const INTERRUPTED_AFTER_MINUTES = 30;

export interface IngestInput {
  organizationId: string;
  userId: string | null;
  title: string;
  sourceRef: string;
  visibility: SourceVisibility;
  kind: SourceKind;
  fileName: string | null;
  contentType: string | null;
  text: string;
}

/**
 * Text → overlapping chunks → Ollama embeddings → Qdrant points with the organization in their
 * payload, and the chunks and status in Postgres. Ingesting a reference again replaces its chunks:
 * the new points are written before the old ones are removed, so retrieval never goes empty.
 */
@Injectable()
export class IngestionService implements OnApplicationBootstrap {
  private readonly logger = new Logger(IngestionService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly ollama: OllamaService,
    private readonly vectors: VectorStore,
    @Inject(AI_CONFIG) private readonly config: AiConfig,
  ) {}

  /** Sources left `processing` by a crash or restart would otherwise show as busy forever. */
  async onApplicationBootstrap(): Promise<void> {
    const [rows] = await this.dataSource.query(
      `UPDATE sources SET status = 'failed', error = 'Ingestion was interrupted; ingest the document again', updated_at = now()
       WHERE status = 'processing' AND updated_at < now() - make_interval(mins => $1)
       RETURNING id`,
      [INTERRUPTED_AFTER_MINUTES],
    );
    if (Array.isArray(rows) && rows.length > 0) this.logger.warn(`Marked ${rows.length} interrupted source(s) as failed`);
  }

  /**
   * `within`: a transaction the caller already holds (an event consumer's, with its inbox row):
   * all writes then go through it instead of taking further pool connections.
   */
  async ingest(input: IngestInput, within?: EntityManager): Promise<SourceView> {
    const chunks = chunkText(input.text, { size: this.config.CHUNK_SIZE, overlap: this.config.CHUNK_OVERLAP });
    if (chunks.length === 0) throw rpcError(422, AiErrorCode.DOCUMENT_EMPTY, 'The document contains no text');
    const inTransaction = <T>(work: (manager: EntityManager) => Promise<T>): Promise<T> => (within ? work(within) : this.dataSource.transaction(work));
    const source = await this.startRevision(input, within ?? this.dataSource.manager);
    try {
      const vectors: number[][] = [];
      for (let i = 0; i < chunks.length; i += EMBED_BATCH) {
        vectors.push(...(await this.ollama.embed(chunks.slice(i, i + EMBED_BATCH).map((chunk) => chunk.content))));
      }
      const rows = chunks.map((chunk) => ({
        id: randomUUID(),
        organizationId: input.organizationId,
        sourceId: source.id,
        position: chunk.position,
        content: chunk.content,
        charStart: chunk.start,
        charEnd: chunk.end,
      }));
      await this.vectors.upsert(
        rows.map((row, index) => ({
          id: row.id,
          vector: vectors[index],
          payload: {
            organization_id: input.organizationId,
            source_id: source.id,
            title: input.title,
            position: row.position,
            visibility: input.visibility,
            content: row.content,
          },
        })),
      );
      await this.vectors.deleteSourceExcept(
        input.organizationId,
        source.id,
        rows.map((row) => row.id),
      );
      await inTransaction(async (manager) => {
        await manager.delete(ChunkEntity, { organizationId: input.organizationId, sourceId: source.id });
        await manager.insert(ChunkEntity, rows);
        await manager.update(
          SourceEntity,
          { organizationId: input.organizationId, id: source.id },
          { status: 'ready', error: null, chunkCount: rows.length, charCount: input.text.length },
        );
        await addToOutbox(manager, input.organizationId, AiEvent.SOURCE_INDEXED, {
          sourceId: source.id,
          title: input.title,
          kind: input.kind,
          revision: source.revision,
          chunkCount: rows.length,
        } satisfies SourceIndexedPayload);
      });
      this.logger.log(`Ingested source ${source.id} revision ${source.revision}: ${rows.length} chunks`);
    } catch (error) {
      // Inside a caller's transaction the failure rolls everything back; the caller decides what follows.
      if (!within) await this.markFailed(input, source.id, error);
      throw error;
    }
    return this.view(input.organizationId, source.id, within ?? this.dataSource.manager);
  }

  async delete(organizationId: string, sourceId: string, within?: EntityManager): Promise<boolean> {
    const source = await new OrgScopedRepository(SourceEntity, within ?? this.dataSource.manager).findById(organizationId, sourceId);
    if (!source) return false;
    await this.vectors.deleteSource(organizationId, sourceId);
    const remove = async (manager: EntityManager) => {
      await new OrgScopedRepository(SourceEntity, manager).deleteById(organizationId, sourceId);
      await addToOutbox(manager, organizationId, AiEvent.SOURCE_DELETED, { sourceId, title: source.title } satisfies SourceDeletedPayload);
    };
    await (within ? remove(within) : this.dataSource.transaction(remove));
    return true;
  }

  private async startRevision(input: IngestInput, manager: EntityManager): Promise<{ id: string; revision: number }> {
    const rows: { id: string; revision: number }[] = await manager.query(
      `INSERT INTO sources (organization_id, source_ref, title, kind, visibility, file_name, content_type, status, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'processing', $8)
       ON CONFLICT (organization_id, source_ref) DO UPDATE SET
         title = EXCLUDED.title, kind = EXCLUDED.kind, visibility = EXCLUDED.visibility, file_name = EXCLUDED.file_name,
         content_type = EXCLUDED.content_type, status = 'processing', error = NULL,
         revision = sources.revision + 1, updated_at = now()
       RETURNING id, revision`,
      [input.organizationId, input.sourceRef, input.title, input.kind, input.visibility, input.fileName, input.contentType, input.userId],
    );
    return rows[0];
  }

  private async markFailed(input: IngestInput, sourceId: string, error: unknown): Promise<void> {
    const reason = (error instanceof RpcException ? (error.getError() as { message?: string }).message : undefined) ?? 'Ingestion failed';
    await this.dataSource.transaction(async (manager) => {
      await manager.update(SourceEntity, { organizationId: input.organizationId, id: sourceId }, { status: 'failed', error: reason });
      await addToOutbox(manager, input.organizationId, AiEvent.SOURCE_FAILED, { sourceId, title: input.title, error: reason } satisfies SourceFailedPayload);
    });
  }

  private async view(organizationId: string, sourceId: string, manager: EntityManager): Promise<SourceView> {
    const source = await new OrgScopedRepository(SourceEntity, manager).findById(organizationId, sourceId);
    if (!source) throw rpcError(404, 'NOT_FOUND', `Source ${sourceId} not found`);
    return toSourceView(source);
  }
}
