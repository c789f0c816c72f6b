import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { NatsConnection } from 'nats';
import { DataSource, EntityManager } from 'typeorm';
import {
  DocumentDeletedPayload,
  DocumentEvent,
  DocumentUploadedPayload,
  DocumentVersionAddedPayload,
} from '@quartier/contracts-portfolio';
import { Caller, DomainEvent } from '@quartier/contracts-shared';
import { OrgScopedRepository } from '@quartier/db';
import { DurableConsumer, NATS_CONNECTION, RpcError } from '@quartier/messaging';
import { AI_CONFIG, AiConfig } from '../../ai.config';
import { IngestionService } from '../sources/ingestion.service';
import { SourceEntity } from '../sources/source.entity';
import { UnsupportedDocumentError, extractText, resolveContentType } from '../sources/text-extraction';
import { PortfolioDocumentReader } from './portfolio-document.reader';

export const PORTFOLIO_DOCUMENTS_CONSUMER = 'ai-portfolio-documents';
/** Who reads a document when its uploader is unknown (e.g. a system import). */
const NO_USER = '00000000-0000-0000-0000-000000000000';

export function portfolioSourceRef(documentId: string): string {
  return `portfolio-document:${documentId}`;
}

/**
 * Keeps the index in step with portfolio's document store: an uploaded document or new version
 * is read over NATS and ingested (replacing the previous version's chunks), a deleted one is
 * removed. Files the assistant cannot read, or larger than PORTFOLIO_DOCUMENT_MAX_BYTES, are skipped.
 */
@Injectable()
export class PortfolioDocumentsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(PortfolioDocumentsConsumer.name);
  private readonly consumer?: DurableConsumer;

  constructor(
    @Inject(DataSource) dataSource: DataSource,
    @Inject(NATS_CONNECTION) connection: NatsConnection,
    @Inject(AI_CONFIG) private readonly config: AiConfig,
    private readonly reader: PortfolioDocumentReader,
    private readonly ingestion: IngestionService,
  ) {
    if (!config.PORTFOLIO_DOCUMENT_INGEST) return;
    this.consumer = new DurableConsumer(
      connection,
      dataSource,
      {
        prefix: config.NATS_PREFIX,
        name: PORTFOLIO_DOCUMENTS_CONSUMER,
        eventTypes: [DocumentEvent.UPLOADED, DocumentEvent.VERSION_ADDED, DocumentEvent.DELETED],
        // Embedding a long document takes a while: do not redeliver while it is still being handled.
        ackWaitMs: 5 * 60_000,
        maxDeliver: 5,
      },
      (event, manager) => this.handle(event, manager),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.consumer?.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }

  /** Runs in the consumer's transaction (with its inbox row): every write goes through `manager`, one connection per event. */
  private async handle(event: DomainEvent, manager: EntityManager): Promise<void> {
    const sources = new OrgScopedRepository(SourceEntity, manager);
    if (event.type === DocumentEvent.DELETED) {
      const { documentId } = event.payload as DocumentDeletedPayload;
      const source = await sources.findOne(event.organizationId, { sourceRef: portfolioSourceRef(documentId) });
      if (source) await this.ingestion.delete(event.organizationId, source.id, manager);
      return;
    }
    const payload = event.payload as DocumentUploadedPayload | DocumentVersionAddedPayload;
    const contentType = resolveContentType(payload.contentType, payload.fileName);
    if (!contentType || payload.size > this.config.PORTFOLIO_DOCUMENT_MAX_BYTES) return;
    const caller: Caller = {
      requestId: `event:${event.id}`,
      organizationId: event.organizationId,
      userId: payload.uploadedBy ?? NO_USER,
      roles: ['admin'],
      scopes: ['read'],
    };
    try {
      const { bytes } = await this.reader.read(caller, payload.documentId, payload.version);
      const text = await extractText(bytes, contentType);
      const sourceRef = portfolioSourceRef(payload.documentId);
      const existing = await sources.findOne(event.organizationId, { sourceRef });
      await this.ingestion.ingest(
        {
          organizationId: event.organizationId,
          userId: payload.uploadedBy,
          title: 'title' in payload ? payload.title : (existing?.title ?? payload.fileName),
          sourceRef,
          visibility: existing?.visibility ?? 'staff',
          kind: 'portfolio_document',
          fileName: payload.fileName,
          contentType,
          text,
        },
        manager,
      );
    } catch (error) {
      if (isFinal(error)) {
        this.logger.warn(`Skipping portfolio document ${payload.documentId}: ${(error as Error).message}`);
        return;
      }
      throw error;
    }
  }
}

/** Failures a redelivery cannot fix: the document is gone, unreadable or has no text. */
function isFinal(error: unknown): boolean {
  if (error instanceof UnsupportedDocumentError) return true;
  if (error instanceof RpcError) return error.status === 404 || error.status === 403;
  if (error instanceof RpcException) return (error.getError() as { status?: number }).status === 422;
  return false;
}
