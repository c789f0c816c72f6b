import { singleLine, withoutControlCharacters } from './text';

describe('text cleaning', () => {
  it('drops control characters but keeps tabs and line breaks in text', () => {
    expect(withoutControlCharacters('Rent\u0000 due\u0007\tmonthly\r\nThanks\u007F')).toBe('Rent due\tmonthly\r\nThanks');
  });

  it('turns a value into one trimmed line', () => {
    expect(singleLine(' Scan\u0000export\nv2 ')).toBe('Scan export v2');
  });
});
