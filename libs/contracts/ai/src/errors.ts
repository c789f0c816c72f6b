/** Error codes of the ai service (beside CommonErrorCode). */
export const AiErrorCode = {
  /** No OpenAI-compatible cloud LLM is configured (503). */
  LLM_NOT_CONFIGURED: 'LLM_NOT_CONFIGURED',
  /** The language model (Ollama or cloud) cannot be reached or failed (503). */
  LLM_UNAVAILABLE: 'LLM_UNAVAILABLE',
  /** The language model did not answer in time (504). */
  LLM_TIMEOUT: 'LLM_TIMEOUT',
  /** Qdrant cannot be reached (503). */
  VECTOR_STORE_UNAVAILABLE: 'VECTOR_STORE_UNAVAILABLE',
  /** A file that is not PDF, plain text, Markdown or CSV (415). */
  UNSUPPORTED_DOCUMENT: 'UNSUPPORTED_DOCUMENT',
  /** A document with no extractable text (422). */
  DOCUMENT_EMPTY: 'DOCUMENT_EMPTY',
  /** The organization used up its AI requests of the current minute (429). */
  AI_RATE_LIMITED: 'AI_RATE_LIMITED',
} as const;
export type AiErrorCodeValue = (typeof AiErrorCode)[keyof typeof AiErrorCode];
