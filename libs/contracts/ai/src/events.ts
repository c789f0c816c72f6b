import type { SourceKind } from './limits';

/** Events of the ai service (outbox → JetStream `<prefix>.events.ai.source.<verb>`), e.g. for the UI's ingestion progress. */
export const AiEvent = {
  SOURCE_INDEXED: 'ai.source.indexed',
  SOURCE_FAILED: 'ai.source.failed',
  SOURCE_DELETED: 'ai.source.deleted',
} as const;
export type AiEventType = (typeof AiEvent)[keyof typeof AiEvent];

/** A source is retrievable in its newest revision. */
export interface SourceIndexedPayload {
  sourceId: string;
  title: string;
  kind: SourceKind;
  revision: number;
  chunkCount: number;
}

export interface SourceFailedPayload {
  sourceId: string;
  title: string;
  error: string;
}

export interface SourceDeletedPayload {
  sourceId: string;
  title: string;
}
