/** Error codes of the document store, beside `CommonErrorCode` (413 PAYLOAD_TOO_LARGE, 415 UNSUPPORTED_MEDIA_TYPE). */
export const DocumentErrorCode = {
  FOLDER_NAME_TAKEN: 'FOLDER_NAME_TAKEN',
  FOLDER_NOT_EMPTY: 'FOLDER_NOT_EMPTY',
  UPLOAD_NOT_FOUND: 'UPLOAD_NOT_FOUND',
  UPLOAD_CHUNK_OUT_OF_ORDER: 'UPLOAD_CHUNK_OUT_OF_ORDER',
} as const;
export type DocumentErrorCode = (typeof DocumentErrorCode)[keyof typeof DocumentErrorCode];
