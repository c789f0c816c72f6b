import { CitationView } from '@quartier/contracts-ai';
import { RetrievedChunk } from './prompt';

const EXCERPT_CHARS = 240;

/** The [n] markers an answer uses that point at a retrieved chunk, in order of first use. */
export function citedIndexes(answer: string, chunkCount: number): number[] {
  const seen: number[] = [];
  for (const match of answer.matchAll(/\[(\d{1,2})\]/g)) {
    const index = Number(match[1]);
    if (index >= 1 && index <= chunkCount && !seen.includes(index)) seen.push(index);
  }
  return seen;
}

/**
 * Citations of an answer: the chunks it marks with [n]; when the model used no marker, every
 * chunk it was given, since the answer was written from them.
 */
export function citationsFor(answer: string, chunks: RetrievedChunk[]): CitationView[] {
  const cited = citedIndexes(answer, chunks.length);
  const indexes = cited.length > 0 ? cited : chunks.map((_, position) => position + 1);
  return indexes.map((index) => {
    const chunk = chunks[index - 1];
    return {
      index,
      sourceId: chunk.sourceId,
      title: chunk.title,
      chunk: chunk.position,
      score: Math.round(chunk.score * 1000) / 1000,
      excerpt: chunk.content.length > EXCERPT_CHARS ? `${chunk.content.slice(0, EXCERPT_CHARS).trimEnd()}…` : chunk.content,
    };
  });
}
