/**
 * What the document store accepts, decided from the file's first bytes (its magic number) and,
 * where the bytes are shared by several formats (ZIP containers, OLE2, plain text), its extension.
 * A client's declared Content-Type is never trusted.
 */
export const DOCUMENT_CONTENT_TYPES = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  heic: 'image/heic',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  txt: 'text/plain',
  csv: 'text/csv',
} as const;

export type DocumentExtension = keyof typeof DOCUMENT_CONTENT_TYPES;
export const DOCUMENT_EXTENSIONS = Object.keys(DOCUMENT_CONTENT_TYPES) as DocumentExtension[];

/** Bytes the detection looks at; every upload's first chunk is at least this long unless the file is shorter. */
export const DOCUMENT_SNIFF_BYTES = 4096;

type Family = 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'tiff' | 'heic' | 'zip' | 'ole2' | 'text';

const FAMILY_OF_EXTENSION: Record<DocumentExtension, Family> = {
  pdf: 'pdf',
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  gif: 'gif',
  webp: 'webp',
  tif: 'tiff',
  tiff: 'tiff',
  heic: 'heic',
  docx: 'zip',
  xlsx: 'zip',
  pptx: 'zip',
  odt: 'zip',
  ods: 'zip',
  odp: 'zip',
  doc: 'ole2',
  xls: 'ole2',
  ppt: 'ole2',
  txt: 'text',
  csv: 'text',
};

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

function isDocumentExtension(extension: string): extension is DocumentExtension {
  return Object.prototype.hasOwnProperty.call(DOCUMENT_CONTENT_TYPES, extension);
}

/** Whether the file name alone names an accepted type (a quick check before any bytes are read). */
export function isAcceptedFileName(fileName: string): boolean {
  return isDocumentExtension(extensionOf(fileName));
}

function startsWith(head: Uint8Array, bytes: number[], offset = 0): boolean {
  return head.length >= offset + bytes.length && bytes.every((byte, index) => head[offset + index] === byte);
}

function ascii(head: Uint8Array, offset: number, length: number): string {
  return String.fromCharCode(...head.subarray(offset, offset + length));
}

/**
 * Text: no NUL or other binary control bytes. Not required to be UTF-8, because CSV exports from
 * German spreadsheets are often Windows-1252.
 */
export function looksLikeText(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  return head.every((byte) => byte >= 0x20 || (byte >= 0x09 && byte <= 0x0d) || byte === 0x1b) && !head.includes(0x7f);
}

function familyOf(head: Uint8Array): Family | null {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return 'gif';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') return 'webp';
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (ascii(head, 4, 4) === 'ftyp' && ['heic', 'heix', 'mif1', 'msf1'].includes(ascii(head, 8, 4))) return 'heic';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole2';
  if (looksLikeText(head)) return 'text';
  return null;
}

/**
 * The content type to store for a file, or null when the bytes are not what the extension says
 * (or the type is not accepted at all).
 */
export function detectDocumentType(head: Uint8Array, fileName: string): string | null {
  const extension = extensionOf(fileName);
  if (!isDocumentExtension(extension)) return null;
  const family = familyOf(head.subarray(0, DOCUMENT_SNIFF_BYTES));
  return family === FAMILY_OF_EXTENSION[extension] ? DOCUMENT_CONTENT_TYPES[extension] : null;
}

/** The message of a 415: what is accepted. */
export const UNSUPPORTED_DOCUMENT_MESSAGE =
  'The file must be a PDF, an image (PNG, JPEG, GIF, WebP, TIFF, HEIC), an Office document ' +
  '(DOCX, XLSX, PPTX, ODT, ODS, ODP, DOC, XLS, PPT) or plain text/CSV, and its content must match its extension';
