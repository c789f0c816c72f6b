/** NATS subjects of the ai service (without the deployment prefix). Payload DTO → response in comments. */
export const AiSubjects = {
  /** ChatDto → ChatResponse */
  chat: 'ai.v1.chat',
  /** AskDto → AskResponse (503 LLM_NOT_CONFIGURED without a cloud LLM) */
  ask: 'ai.v1.llm.ask',
  /** IngestDocumentDto → SourceView (replaces the chunks of a source with the same reference) */
  ingest: 'ai.v1.sources.ingest',
  /** UploadDocumentMessageDto → SourceView (415 for other file types) */
  upload: 'ai.v1.sources.upload',
  /** SourceQueryDto → SourcePageView */
  sourcesList: 'ai.v1.sources.list',
  /** IdDto → SourceView */
  sourcesGet: 'ai.v1.sources.get',
  /** IdDto → { deleted: true } (its chunks leave the vector store too) */
  sourcesDelete: 'ai.v1.sources.delete',
  /** PageQueryDto → ConversationPageView (the caller's own conversations) */
  conversationsList: 'ai.v1.conversations.list',
  /** IdDto → ConversationDetailView */
  conversationsGet: 'ai.v1.conversations.get',
  /** IdDto → { deleted: true } */
  conversationsDelete: 'ai.v1.conversations.delete',
  /** {} → ClearedConversationsView (every conversation of the caller) */
  conversationsClear: 'ai.v1.conversations.clear',
  /** AiIdDto (a property id) → AnalysisView (staff only) */
  analyzeProperty: 'ai.v1.analyze.property',
  /** AiIdDto (a tenant id) → AnalysisView (staff only) */
  analyzeTenant: 'ai.v1.analyze.tenant',
  /** {} → InsightsView (vacancies, overdue rent, urgent work orders the caller may see) */
  insights: 'ai.v1.insights',
  /** {} → AiHealthView */
  health: 'ai.v1.health',
} as const;
export type AiSubject = (typeof AiSubjects)[keyof typeof AiSubjects];
