import { withoutControlCharacters } from '../../common/text';

/** One piece of a document as it is embedded and retrieved. */
export interface TextChunk {
  position: number;
  content: string;
  /** Offsets into the normalized text, so neighbouring chunks can be shown to overlap. */
  start: number;
  end: number;
}

export interface ChunkingOptions {
  size: number;
  overlap: number;
}

/** Drops control characters, unifies line endings, trims trailing spaces and collapses runs of blank lines. */
export function normalizeText(text: string): string {
  return withoutControlCharacters(text)
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Splits text into windows of at most `size` characters that share `overlap` characters with
 * the previous one. A window ends at the last paragraph, sentence or word break in its final
 * third when there is one, so chunks rarely cut words or sentences in half.
 */
export function chunkText(text: string, options: ChunkingOptions): TextChunk[] {
  const normalized = normalizeText(text);
  if (normalized.length === 0) return [];
  const size = Math.max(1, options.size);
  // An overlap of half a window or more would make no progress worth the extra chunks.
  const overlap = Math.min(Math.max(0, options.overlap), Math.floor(size / 2));
  const chunks: TextChunk[] = [];
  let start = 0;
  while (start < normalized.length) {
    let end = Math.min(start + size, normalized.length);
    if (end < normalized.length) end = breakPoint(normalized, start, end, size);
    const content = normalized.slice(start, end).trim();
    if (content.length > 0) chunks.push({ position: chunks.length, content, start, end });
    if (end >= normalized.length) break;
    start = Math.max(end - overlap, start + 1);
    // Start the next window at a word boundary rather than inside a word.
    while (start > 0 && start < end && /\S/.test(normalized[start - 1]) && /\S/.test(normalized[start])) start += 1;
  }
  return chunks;
}

function breakPoint(text: string, start: number, end: number, size: number): number {
  const earliest = start + Math.floor((size * 2) / 3);
  const window = text.slice(earliest, end);
  for (const pattern of [/\n\n(?![\s\S]*\n\n)/, /[.!?]\s(?![\s\S]*[.!?]\s)/, /\s(?![\s\S]*\s)/]) {
    const match = pattern.exec(window);
    if (match) return earliest + match.index + match[0].length;
  }
  return end;
}
