import { csvField, toCsv } from './csv';

describe('CSV export', () => {
  it('leaves plain values alone and empties null', () => {
    expect(csvField('Fix tap')).toBe('Fix tap');
    expect(csvField(3)).toBe('3');
    expect(csvField(null)).toBe('');
    expect(csvField(-5)).toBe('-5');
  });

  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line1\nline2')).toBe('"line1\nline2"');
  });

  it('defuses spreadsheet formulas', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('builds a document with a header and CRLF rows', () => {
    expect(toCsv(['id', 'title'], [['1', 'a,b'], ['2', null]])).toBe('id,title\r\n1,"a,b"\r\n2,\r\n');
  });
});
