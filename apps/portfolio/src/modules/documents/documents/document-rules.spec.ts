import { baseName, nextVersionNumber, normalizeTags, resolveVersion, titleFromFileName } from './document-rules';

describe('document rules', () => {
  it('numbers versions 1, 2, 3, … after the current one', () => {
    expect(nextVersionNumber(1)).toBe(2);
    expect(nextVersionNumber(41)).toBe(42);
    expect(() => nextVersionNumber(0)).toThrow();
  });

  it('downloads the current version unless an existing one is named', () => {
    expect(resolveVersion(undefined, 3)).toBe(3);
    expect(resolveVersion(1, 3)).toBe(1);
    expect(resolveVersion(4, 3)).toBeNull();
    expect(resolveVersion(0, 3)).toBeNull();
  });

  it('takes the title from the file name when none is given', () => {
    expect(titleFromFileName('Mietvertrag WE 3.2.pdf')).toBe('Mietvertrag WE 3.2');
    expect(titleFromFileName('C:\\Users\\anna\\Übergabeprotokoll.docx')).toBe('Übergabeprotokoll');
    expect(titleFromFileName('.csv')).toBe('.csv');
    expect(baseName('/tmp/../grundriss.png')).toBe('grundriss.png');
  });

  it('keeps each tag once, whatever its case, in the order given', () => {
    expect(normalizeTags([' 2025 ', 'Signed', 'signed', '', 'WE 3'])).toEqual(['2025', 'Signed', 'WE 3']);
  });
});
