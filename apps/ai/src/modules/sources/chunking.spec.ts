import { chunkText, normalizeText } from './chunking';

const sentence = (n: number) => `Sentence number ${n} talks about the boiler room.`;

describe('chunking', () => {
  it('keeps a short text in one chunk, normalized', () => {
    expect(chunkText('\uFEFFHeating rules\r\n\r\n\r\n\r\nNo open fire.  \n', { size: 500, overlap: 50 })).toEqual([
      { position: 0, content: 'Heating rules\n\nNo open fire.', start: 0, end: 28 },
    ]);
  });

  it('drops NUL and control characters but keeps tabs and line breaks', () => {
    expect(normalizeText('Rent\u0000 due\u0007 on the 3rd\tof each month\r\nThanks')).toBe('Rent due on the 3rd\tof each month\nThanks');
  });

  it('returns nothing for blank text', () => {
    expect(chunkText(' \n\n \t', { size: 100, overlap: 10 })).toEqual([]);
  });

  it('splits long text into bounded windows that overlap and cover every character', () => {
    const text = Array.from({ length: 60 }, (_, i) => sentence(i)).join(' ');
    const chunks = chunkText(text, { size: 300, overlap: 60 });
    expect(chunks.length).toBeGreaterThan(8);
    for (const chunk of chunks) expect(chunk.content.length).toBeLessThanOrEqual(300);
    for (let i = 1; i < chunks.length; i += 1) {
      // Overlap: the next chunk starts before the previous one ended.
      expect(chunks[i].start).toBeLessThan(chunks[i - 1].end);
      expect(chunks[i].position).toBe(i);
    }
    expect(chunks[0].start).toBe(0);
    expect(chunks[chunks.length - 1].end).toBe(normalizeText(text).length);
  });

  it('ends chunks at sentence breaks rather than inside words', () => {
    const text = Array.from({ length: 30 }, (_, i) => sentence(i)).join(' ');
    const chunks = chunkText(text, { size: 200, overlap: 0 });
    for (const chunk of chunks.slice(0, -1)) expect(chunk.content.endsWith('.')).toBe(true);
  });

  it('makes progress on text without any break and caps an overlap of half a window', () => {
    const chunks = chunkText('x'.repeat(1000), { size: 100, overlap: 500 });
    expect(chunks.length).toBeGreaterThanOrEqual(10);
    expect(chunks.length).toBeLessThanOrEqual(20);
  });
});
