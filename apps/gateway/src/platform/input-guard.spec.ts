import { findUnsafeInput, unsafeTextReason } from './input-guard';

describe('unsafeTextReason', () => {
  it('lets through text XML 1.0 carries: tab, newlines, umlauts, emoji, private use', () => {
    expect(unsafeTextReason('Altbau\twohnung\r\nmit Balkon – 3 Zimmer, ruhig 🏡 \uE000 \uFFFD')).toBeUndefined();
  });

  it('refuses NUL and lone surrogates, which Postgres and UTF-8 cannot store', () => {
    expect(unsafeTextReason('a\u0000b')).toBe('contains a NUL character');
    expect(unsafeTextReason('anna\uD800@example.de')).toBe('contains a lone UTF-16 surrogate (U+D800)');
    expect(unsafeTextReason('x\uDC00')).toBe('contains a lone UTF-16 surrogate (U+DC00)');
  });

  it('refuses the controls and non-characters that make a feed ill-formed XML', () => {
    expect(unsafeTextReason('Zeile 1\u000BZeile 2')).toBe('contains U+000B, a character XML 1.0 does not allow');
    expect(unsafeTextReason('Seite\u000C')).toBe('contains U+000C, a character XML 1.0 does not allow');
    expect(unsafeTextReason('\u001F')).toBe('contains U+001F, a character XML 1.0 does not allow');
    expect(unsafeTextReason('\uFFFE')).toBe('contains U+FFFE, a character XML 1.0 does not allow');
    expect(unsafeTextReason('\uFFFF')).toBe('contains U+FFFF, a character XML 1.0 does not allow');
  });
});

describe('findUnsafeInput', () => {
  it('finds nothing in ordinary input', () => {
    expect(findUnsafeInput({ name: 'Haus', rooms: 3, tags: ['a', 'b'], address: { city: 'Köln' }, active: true, note: null })).toEqual([]);
    expect(findUnsafeInput(undefined)).toEqual([]);
  });

  it('names each bad string and number by its path, in document order', () => {
    const input = { name: 'ok\u0000', lines: [{ text: 'fine' }, { text: 'form\u000Cfeed', amount: Infinity }], address: { city: '\uD83D' } };
    expect(findUnsafeInput(input)).toEqual([
      { field: 'name', message: 'name contains a NUL character' },
      { field: 'lines.1.text', message: 'lines.1.text contains U+000C, a character XML 1.0 does not allow' },
      { field: 'lines.1.amount', message: 'lines.1.amount must be a finite number' },
      { field: 'address.city', message: 'address.city contains a lone UTF-16 surrogate (U+D83D)' },
    ]);
  });

  it('checks keys too, and names them printably', () => {
    expect(findUnsafeInput({ ['bad\u0000key']: 'x' })).toEqual([{ field: 'bad\uFFFDkey', message: 'the name of bad\uFFFDkey contains a NUL character' }]);
  });

  it('walks query objects without a prototype and 3,000 nested arrays without recursing', () => {
    const query = Object.assign(Object.create(null) as Record<string, string>, { q: '\u0000' });
    expect(findUnsafeInput(query)).toEqual([{ field: 'q', message: 'q contains a NUL character' }]);
    let deep: unknown = ['\u000B'];
    for (let i = 0; i < 3000; i += 1) deep = [deep];
    expect(findUnsafeInput(deep)).toHaveLength(1);
  });

  it('leaves buffers and other objects alone', () => {
    expect(findUnsafeInput({ file: Buffer.from([0, 0xff]), at: new Date(0) })).toEqual([]);
  });
});
