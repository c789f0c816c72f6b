/** Size limits of the document store, from portfolio's configuration. */
export interface DocumentLimits {
  maxBytes: number;
  uploadTtlMinutes: number;
}

export const DOCUMENT_LIMITS = Symbol('DOCUMENT_LIMITS');
