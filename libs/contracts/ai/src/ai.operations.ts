import { CommonErrorCode, EmptyRequest, PageQueryDto, defineOperation } from '@quartier/contracts-shared';
import { AskDto, AskResponse, ChatDto, ChatResponse, ClearedConversationsView, ConversationDetailView, ConversationPageView } from './chat.dto';
import { AiErrorCode } from './errors';
import { AiHealthView, AnalysisView, InsightsView } from './health.dto';
import { AI_GATEWAY_TIMEOUT_MS, AI_INGEST_GATEWAY_TIMEOUT_MS } from './limits';
import { AiDeletedView, AiIdDto, IngestDocumentDto, SourcePageView, SourceQueryDto, SourceView, UploadDocumentMessageDto } from './source.dto';

const service = 'ai';
const tags = ['ai'] as const;
/*
 * The gateway checks scopes only; the service keeps staff tools (sources, analyses) to the staff
 * and scopes conversations to their own user.
 */
const read = { scopes: ['read'] } as const;

/** What a call to a language model can fail with besides its own errors (a timeout is the 504 LLM_TIMEOUT every route documents). */
const modelErrors = {
  [AiErrorCode.AI_RATE_LIMITED]: 429,
  [AiErrorCode.LLM_UNAVAILABLE]: 503,
  [AiErrorCode.VECTOR_STORE_UNAVAILABLE]: 503,
} as const;

export const AiOperations = {
  chat: defineOperation({
    service,
    subject: 'ai.v1.chat',
    request: ChatDto,
    response: ChatResponse,
    http: {
      method: 'POST',
      path: '/ai/chat',
      status: 200,
      tags,
      summary: "Chat with the assistant: answers from the organization's documents (with citations) and live data it may read (local Ollama)",
    },
    access: read,
    paged: false,
    // Each call adds a turn to the conversation.
    idempotency: 'none',
    errors: { [CommonErrorCode.NOT_FOUND]: 404, [CommonErrorCode.VALIDATION_FAILED]: 422, ...modelErrors },
    timeoutMs: AI_GATEWAY_TIMEOUT_MS,
  }),
  ask: defineOperation({
    service,
    subject: 'ai.v1.llm.ask',
    request: AskDto,
    response: AskResponse,
    http: {
      method: 'POST',
      path: '/llm/ask',
      status: 200,
      tags,
      summary: 'General question to the cloud LLM (OpenAI-compatible); no organization data is sent. 503 when none is configured',
    },
    access: read,
    paged: false,
    // Stores nothing; a model may answer differently each time.
    idempotency: 'none',
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422, [AiErrorCode.AI_RATE_LIMITED]: 429, [AiErrorCode.LLM_NOT_CONFIGURED]: 503, [AiErrorCode.LLM_UNAVAILABLE]: 503 },
    timeoutMs: AI_GATEWAY_TIMEOUT_MS,
  }),
  ingest: defineOperation({
    service,
    subject: 'ai.v1.sources.ingest',
    request: IngestDocumentDto,
    response: SourceView,
    http: { method: 'POST', path: '/ai/ingest', status: 201, tags, summary: 'Add text to the document index (the same sourceRef replaces its earlier chunks)' },
    access: { scopes: ['write'] },
    paged: false,
    // The same sourceRef replaces the earlier chunks.
    idempotency: 'idempotent',
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422, [AiErrorCode.DOCUMENT_EMPTY]: 422, ...modelErrors },
    timeoutMs: AI_INGEST_GATEWAY_TIMEOUT_MS,
  }),
  /** POST /ai/upload, hand-written in the gateway: a multipart upload the gateway reads into this message. */
  upload: defineOperation({
    service,
    subject: 'ai.v1.sources.upload',
    request: UploadDocumentMessageDto,
    response: SourceView,
    access: { scopes: ['write'] },
    paged: false,
    idempotency: 'idempotent',
    errors: {
      [CommonErrorCode.PAYLOAD_TOO_LARGE]: 413,
      [AiErrorCode.UNSUPPORTED_DOCUMENT]: 415,
      [CommonErrorCode.VALIDATION_FAILED]: 422,
      [AiErrorCode.DOCUMENT_EMPTY]: 422,
      ...modelErrors,
    },
    timeoutMs: AI_INGEST_GATEWAY_TIMEOUT_MS,
  }),
  sourcesList: defineOperation({
    service,
    subject: 'ai.v1.sources.list',
    request: SourceQueryDto,
    response: SourcePageView,
    http: { method: 'GET', path: '/ai/sources', status: 200, tags, summary: 'Indexed documents with their ingestion status and chunk counts' },
    access: read,
    paged: true,
    idempotency: 'safe',
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  sourcesGet: defineOperation({
    service,
    subject: 'ai.v1.sources.get',
    request: AiIdDto,
    response: SourceView,
    http: { method: 'GET', path: '/ai/sources/:id', status: 200, tags, summary: 'One indexed document' },
    access: read,
    paged: false,
    idempotency: 'safe',
    errors: { [CommonErrorCode.NOT_FOUND]: 404, [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  sourcesDelete: defineOperation({
    service,
    subject: 'ai.v1.sources.delete',
    request: AiIdDto,
    response: AiDeletedView,
    http: { method: 'DELETE', path: '/ai/sources/:id', status: 204, tags, summary: 'Remove a document and its chunks from the index', responseDescription: 'Deleted' },
    access: { scopes: ['delete'] },
    paged: false,
    idempotency: 'idempotent',
    errors: { [CommonErrorCode.NOT_FOUND]: 404, [CommonErrorCode.VALIDATION_FAILED]: 422, [AiErrorCode.VECTOR_STORE_UNAVAILABLE]: 503 },
  }),
  conversationsList: defineOperation({
    service,
    subject: 'ai.v1.conversations.list',
    request: PageQueryDto,
    response: ConversationPageView,
    http: { method: 'GET', path: '/ai/conversations', status: 200, tags, summary: 'Own conversations, most recent first' },
    access: read,
    paged: true,
    idempotency: 'safe',
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  conversationsGet: defineOperation({
    service,
    subject: 'ai.v1.conversations.get',
    request: AiIdDto,
    response: ConversationDetailView,
    http: { method: 'GET', path: '/ai/conversations/:id', status: 200, tags, summary: 'One own conversation with its messages, citations and tool calls' },
    access: read,
    paged: false,
    idempotency: 'safe',
    errors: { [CommonErrorCode.NOT_FOUND]: 404, [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  // Every role may delete its own chat history: reading is all it takes.
  conversationsDelete: defineOperation({
    service,
    subject: 'ai.v1.conversations.delete',
    request: AiIdDto,
    response: AiDeletedView,
    http: { method: 'DELETE', path: '/ai/conversations/:id', status: 204, tags, summary: 'Delete one own conversation', responseDescription: 'Deleted' },
    access: read,
    paged: false,
    idempotency: 'idempotent',
    errors: { [CommonErrorCode.NOT_FOUND]: 404, [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  conversationsClear: defineOperation({
    service,
    subject: 'ai.v1.conversations.clear',
    request: EmptyRequest,
    response: ClearedConversationsView,
    http: { method: 'DELETE', path: '/ai/conversations', status: 200, tags, summary: 'Clear own chat history (every own conversation)' },
    access: read,
    paged: false,
    idempotency: 'idempotent',
    errors: {},
  }),
  analyzeProperty: defineOperation({
    service,
    subject: 'ai.v1.analyze.property',
    request: AiIdDto,
    response: AnalysisView,
    http: {
      method: 'POST',
      path: '/ai/analyze/property/:id',
      status: 200,
      tags,
      summary: 'Assessment of one property from its live figures: occupancy, vacant rent potential, open maintenance (staff)',
    },
    access: read,
    paged: false,
    // Stores nothing; a model may word it differently each time.
    idempotency: 'none',
    errors: { [CommonErrorCode.NOT_FOUND]: 404, [CommonErrorCode.VALIDATION_FAILED]: 422, ...modelErrors },
    timeoutMs: AI_GATEWAY_TIMEOUT_MS,
  }),
  analyzeTenant: defineOperation({
    service,
    subject: 'ai.v1.analyze.tenant',
    request: AiIdDto,
    response: AnalysisView,
    http: { method: 'POST', path: '/ai/analyze/tenant/:id', status: 200, tags, summary: 'Assessment of one tenant from live figures: payments, overdue charges (staff)' },
    access: read,
    paged: false,
    idempotency: 'none',
    errors: { [CommonErrorCode.NOT_FOUND]: 404, [CommonErrorCode.VALIDATION_FAILED]: 422, ...modelErrors },
    timeoutMs: AI_GATEWAY_TIMEOUT_MS,
  }),
  insights: defineOperation({
    service,
    subject: 'ai.v1.insights',
    request: EmptyRequest,
    response: InsightsView,
    http: { method: 'GET', path: '/ai/insights', status: 200, tags, summary: 'Suggestions from live data the caller may read: vacancies, overdue rent, urgent work orders' },
    access: read,
    paged: false,
    idempotency: 'safe',
    errors: {},
  }),
  health: defineOperation({
    service,
    subject: 'ai.v1.health',
    request: EmptyRequest,
    response: AiHealthView,
    http: { method: 'GET', path: '/ai/health', status: 200, tags, summary: "Reachability of Ollama, Qdrant and the cloud LLM, and the organization's indexed chunks" },
    access: read,
    paged: false,
    idempotency: 'safe',
    errors: {},
  }),
};

/** Every ai operation: what the service answers. */
export const AI_OPERATIONS = Object.values(AiOperations);
