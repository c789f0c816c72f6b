/** Sizes every caller of the ai service can rely on. */
export const AI_MESSAGE_MAX_CHARS = 4000;
export const AI_TITLE_MAX_CHARS = 200;
/** Text of one ingest request (a NATS message stays below 1 MB). */
export const AI_INGEST_MAX_CHARS = 400_000;
/** Largest uploaded file: base64 on NATS stays below the 1 MB message limit. */
export const AI_UPLOAD_MAX_BYTES = 512 * 1024;
/**
 * How long the gateway waits for a chat or ask answer. The ai service stops starting model calls
 * LLM_TIMEOUT_MS (default 60 s) after the request and bounds each call by it, so it answers (504
 * LLM_TIMEOUT at worst) within twice that: the gateway waits longer.
 */
export const AI_GATEWAY_TIMEOUT_MS = 150_000;
/** How long the gateway waits for an ingest or upload (embedding every chunk). */
export const AI_INGEST_GATEWAY_TIMEOUT_MS = 120_000;

export const AI_UPLOAD_CONTENT_TYPES = ['application/pdf', 'text/plain', 'text/markdown', 'text/csv'] as const;
export type AiUploadContentType = (typeof AI_UPLOAD_CONTENT_TYPES)[number];

/** Staff sources are for staff only; resident sources (house rules, FAQs) are also retrieved for residents. */
export const SOURCE_VISIBILITIES = ['staff', 'residents'] as const;
export type SourceVisibility = (typeof SOURCE_VISIBILITIES)[number];

export const SOURCE_KINDS = ['text', 'upload', 'portfolio_document'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const SOURCE_STATUSES = ['processing', 'ready', 'failed'] as const;
export type SourceStatus = (typeof SOURCE_STATUSES)[number];
