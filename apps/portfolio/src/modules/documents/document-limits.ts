/** Size limits of the document store, from portfolio's configuration and the NATS server. */
export interface DocumentLimits {
  maxBytes: number;
  /** Bytes per NATS message of an upload or download, fitted to the server's max_payload. */
  chunkBytes: number;
  uploadTtlMinutes: number;
}

export const DOCUMENT_LIMITS = Symbol('DOCUMENT_LIMITS');
