import { citationsFor, citedIndexes } from './citations';
import { RetrievedChunk } from './prompt';

const chunks: RetrievedChunk[] = [
  { chunkId: 'a', sourceId: 'source-rules', title: 'House rules', position: 2, content: 'Quiet hours 22:00-06:00.', score: 0.91234 },
  { chunkId: 'b', sourceId: 'source-lease', title: 'Lease', position: 0, content: 'x'.repeat(300), score: 0.5 },
  { chunkId: 'c', sourceId: 'source-faq', title: 'FAQ', position: 1, content: 'Bins on Tuesday.', score: 0.4 },
];

describe('citation mapping', () => {
  it('maps the [n] markers of the answer to their chunks, once each, in order of use', () => {
    const citations = citationsFor('Quiet hours start at 22:00 [1]. Rubbish goes out Tuesday [3], see also [1].', chunks);
    expect(citations).toEqual([
      { index: 1, sourceId: 'source-rules', title: 'House rules', chunk: 2, score: 0.912, excerpt: 'Quiet hours 22:00-06:00.' },
      { index: 3, sourceId: 'source-faq', title: 'FAQ', chunk: 1, score: 0.4, excerpt: 'Bins on Tuesday.' },
    ]);
  });

  it('ignores markers that point at no retrieved chunk', () => {
    expect(citedIndexes('See [0], [4] and [12].', 3)).toEqual([]);
  });

  it('cites every chunk given when the answer uses no marker, with short excerpts', () => {
    const citations = citationsFor('Quiet hours start at 22:00.', chunks);
    expect(citations.map((citation) => citation.index)).toEqual([1, 2, 3]);
    expect(citations[1].excerpt).toHaveLength(241);
  });

  it('cites nothing when nothing was retrieved', () => {
    expect(citationsFor('I do not know [1].', [])).toEqual([]);
  });
});
