import { ConfigOf, bool, commonConfig, int, optionalStr, str } from '@quartier/config';

export const aiConfigSpec = {
  ...commonConfig,
  MIGRATE_ON_BOOT: bool('Apply pending ai migrations at boot (the Helm Job runs them instead when false)', { default: 'true' }),
  OLLAMA_URL: str('Ollama base URL (chat and embeddings of the assistant)', { default: 'http://127.0.0.1:11434' }),
  OLLAMA_CHAT_MODEL: str('Ollama chat model; it must support tool calling (e.g. llama3.1, qwen2.5)', { default: 'llama3.1:8b' }),
  OLLAMA_EMBEDDING_MODEL: str('Ollama embedding model', { default: 'nomic-embed-text' }),
  EMBEDDING_DIMENSION: int('Vector size of the embedding model (nomic-embed-text: 768); the collection is created with it', {
    default: '768',
    min: 2,
    max: 8192,
  }),
  QDRANT_URL: str('Qdrant REST URL', { default: 'http://127.0.0.1:6333' }),
  QDRANT_API_KEY: optionalStr('Qdrant API key, when the server requires one', { secret: true }),
  QDRANT_COLLECTION: str('Qdrant collection holding the chunks of every organization (filtered by organization_id)', {
    default: 'quartier_chunks',
  }),
  LLM_BASE_URL: optionalStr('Base URL of an OpenAI-compatible cloud LLM (e.g. https://openrouter.ai/api/v1); /llm/ask answers 503 without it'),
  LLM_API_KEY: optionalStr('API key of the cloud LLM', { secret: true }),
  LLM_MODEL: str('Model name at the cloud LLM', { default: 'deepseek/deepseek-chat-v3.1:free' }),
  LLM_TIMEOUT_MS: int('Longest wait for one answer of Ollama or the cloud LLM, in ms (504 LLM_TIMEOUT beyond)', {
    default: '60000',
    min: 100,
  }),
  LLM_MAX_ANSWER_TOKENS: int('Most tokens a model may generate for one answer', { default: '1024', min: 16 }),
  AI_ANSWER_MAX_CHARS: int('Answers longer than this are cut (and marked as cut)', { default: '8000', min: 100 }),
  CHUNK_SIZE: int('Characters per chunk of an ingested document', { default: '1200', min: 100 }),
  CHUNK_OVERLAP: int('Characters shared by neighbouring chunks', { default: '200', min: 0 }),
  RETRIEVAL_TOP_K: int('Chunks retrieved per chat message', { default: '5', min: 1, max: 20 }),
  RETRIEVAL_MIN_SCORE: int('Least cosine similarity of a retrieved chunk, in percent', { default: '30', min: 0, max: 100 }),
  CHAT_HISTORY_MESSAGES: int('Earlier messages of the conversation sent to the model', { default: '10', min: 0, max: 50 }),
  CHAT_MAX_TOOL_ROUNDS: int('Rounds of tool calls the model may make before it must answer', { default: '3', min: 0, max: 10 }),
  PORTFOLIO_DOCUMENT_INGEST: bool(
    'Index PDF, text, Markdown and CSV documents uploaded to portfolio (a new version replaces the chunks, deleting removes them)',
    { default: 'true' },
  ),
  PORTFOLIO_DOCUMENT_MAX_BYTES: int('Largest portfolio document indexed automatically, in bytes (bigger ones are skipped)', {
    default: String(20 * 1024 * 1024),
    min: 1,
  }),
  OUTBOX_INTERVAL_MS: int('How often the outbox relay publishes pending ai events (source indexed, failed, deleted), in ms', {
    default: '200',
    min: 10,
  }),
  AI_REQUESTS_PER_MINUTE: int('Chat, ask and ingest requests per organization per minute (429 AI_RATE_LIMITED beyond)', {
    default: '60',
    min: 1,
  }),
};

export type AiConfig = ConfigOf<typeof aiConfigSpec>;

/** Injection token of the loaded configuration. */
export const AI_CONFIG = Symbol('AI_CONFIG');
