import { AiUploadContentType } from '@quartier/contracts-ai';
import { readPdfPages } from './pdf-text';

/** Thrown when the bytes do not match the declared type (→ 415). */
export class UnsupportedDocumentError extends Error {}

/** File name endings that settle a generic content type (browsers often send text/plain or octet-stream). */
const EXTENSION_TYPES: Record<string, AiUploadContentType> = {
  pdf: 'application/pdf',
  txt: 'text/plain',
  md: 'text/markdown',
  markdown: 'text/markdown',
  csv: 'text/csv',
};

/** The content type a file is handled as, from its declared type and name; undefined when unsupported. */
export function resolveContentType(declared: string, fileName: string): AiUploadContentType | undefined {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  const byName = EXTENSION_TYPES[extension];
  const base = declared.split(';')[0].trim().toLowerCase();
  if (base === 'application/pdf' || byName === 'application/pdf') return 'application/pdf';
  if (base === 'text/csv' || base === 'text/markdown' || base === 'text/x-markdown') return byName ?? (base === 'text/csv' ? 'text/csv' : 'text/markdown');
  if (base === 'text/plain') return byName ?? 'text/plain';
  if (base === 'application/octet-stream' || base === '') return byName;
  return undefined;
}

/** Plain text of a PDF, text, Markdown or CSV file. */
export async function extractText(bytes: Buffer, contentType: AiUploadContentType): Promise<string> {
  if (contentType === 'application/pdf') return extractPdf(bytes);
  const text = decodeText(bytes);
  return contentType === 'text/csv' ? csvToText(text) : text;
}

async function extractPdf(bytes: Buffer): Promise<string> {
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new UnsupportedDocumentError('The file is not a PDF');
  try {
    const pages = await readPdfPages(bytes);
    return pages.map((page) => page.trim()).join('\n\n');
  } catch {
    throw new UnsupportedDocumentError('The PDF cannot be read');
  }
}

function decodeText(bytes: Buffer): string {
  // NUL bytes do not occur in text files: this is a binary file with a text name.
  if (bytes.includes(0)) throw new UnsupportedDocumentError('The file is not text');
  return bytes.toString('utf8');
}

/** CSV rows as `header: value; …` lines, so each row keeps the meaning of its columns when chunked. */
export function csvToText(csv: string): string {
  const rows = parseCsv(csv).filter((row) => row.some((cell) => cell.trim().length > 0));
  if (rows.length < 2) return rows.map((row) => row.join(', ')).join('\n');
  const [header, ...body] = rows;
  return body
    .map((row) =>
      row
        .map((cell, index) => [header[index]?.trim() || `column ${index + 1}`, cell.trim()] as const)
        .filter(([, value]) => value.length > 0)
        .map(([name, value]) => `${name}: ${value}`)
        .join('; '),
    )
    .join('\n');
}

/** RFC 4180 fields: quoted fields may hold commas, quotes ("") and line breaks; `;` separated files too. */
function parseCsv(csv: string): string[][] {
  const firstLine = csv.split('\n', 1)[0];
  const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i += 1) {
    const char = csv[i];
    if (quoted) {
      if (char === '"' && csv[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && csv[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field.length > 0 || row.length > 0) rows.push([...row, field]);
  return rows;
}
