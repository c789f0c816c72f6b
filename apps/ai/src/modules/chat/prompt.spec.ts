import { RetrievedChunk, buildChatMessages, limitAnswer, stripThinking } from './prompt';

const chunk = (title: string, position: number, content: string): RetrievedChunk => ({
  chunkId: `c-${title}-${position}`,
  sourceId: `s-${title}`,
  title,
  position,
  content,
  score: 0.8,
});

describe('prompt building', () => {
  it('numbers the excerpts, keeps the history in order and ends with the question', () => {
    const messages = buildChatMessages({
      question: 'Are pets allowed?',
      history: [
        { role: 'user', content: 'Hello' },
        { role: 'assistant', content: 'Hi, how can I help?' },
      ],
      chunks: [chunk('House rules', 0, 'Pets need written consent.'), chunk('Lease template', 3, 'Dogs over 20 kg are not allowed.')],
      toolNames: ['list_vacant_units'],
      today: '2026-12-06',
    });
    expect(messages.map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'user']);
    const system = messages[0].content;
    expect(system).toContain('[1] House rules (part 1)\nPets need written consent.');
    expect(system).toContain('[2] Lease template (part 4)\nDogs over 20 kg are not allowed.');
    expect(system).toContain('list_vacant_units');
    expect(system).toContain('Today is 2026-12-06.');
    expect(messages[3]).toEqual({ role: 'user', content: 'Are pets allowed?' });
  });

  it('says when nothing was retrieved and names no tools the caller cannot use', () => {
    const [system] = buildChatMessages({ question: 'x', history: [], chunks: [], toolNames: [], today: '2026-12-06' });
    expect(system.content).toContain('No document excerpts match this question.');
    expect(system.content).not.toContain('call the tools');
  });

  it('shortens long answers on a word boundary and marks them', () => {
    const answer = limitAnswer('word '.repeat(100), 52);
    expect(answer.endsWith('… [answer shortened]')).toBe(true);
    expect(answer.startsWith('word word')).toBe(true);
    expect(answer.length).toBeLessThanOrEqual(52 + ' … [answer shortened]'.length);
    expect(limitAnswer('  short  ', 52)).toBe('short');
  });

  it('removes the reasoning block of thinking models', () => {
    expect(stripThinking('<think>the user wants…</think>\nPets need consent [1].')).toBe('Pets need consent [1].');
  });
});
