import { detectDocumentType, isAcceptedFileName } from './document-types';

const bytes = (...values: (number | string)[]): Uint8Array =>
  Uint8Array.from(values.flatMap((value) => (typeof value === 'string' ? [...Buffer.from(value, 'latin1')] : [value])));

describe('document type detection', () => {
  it('recognises PDFs and images by their magic bytes', () => {
    expect(detectDocumentType(bytes('%PDF-1.7\n'), 'vertrag.PDF')).toBe('application/pdf');
    expect(detectDocumentType(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0), 'grundriss.png')).toBe('image/png');
    expect(detectDocumentType(bytes(0xff, 0xd8, 0xff, 0xe0), 'foto.jpeg')).toBe('image/jpeg');
    expect(detectDocumentType(bytes('GIF89a'), 'a.gif')).toBe('image/gif');
    expect(detectDocumentType(bytes('RIFF', 0, 0, 0, 0, 'WEBPVP8 '), 'a.webp')).toBe('image/webp');
    expect(detectDocumentType(bytes(0, 0, 0, 0x18, 'ftypheic'), 'IMG_0001.HEIC')).toBe('image/heic');
  });

  it('tells Office formats apart by extension once the container matches', () => {
    const zip = bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0);
    expect(detectDocumentType(zip, 'nebenkosten.xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(detectDocumentType(zip, 'protokoll.odt')).toBe('application/vnd.oasis.opendocument.text');
    const ole2 = bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
    expect(detectDocumentType(ole2, 'alt.doc')).toBe('application/msword');
  });

  it('accepts plain text and CSV, also in Windows-1252', () => {
    expect(detectDocumentType(Buffer.from('Wohnung;Miete\nWE 1;850,00\n'), 'mieten.csv')).toBe('text/csv');
    expect(detectDocumentType(bytes('Stra', 0xdf, 'e\r\n'), 'notiz.txt')).toBe('text/plain');
  });

  it('refuses bytes that do not match the extension (a renamed executable, a PDF called .png)', () => {
    expect(detectDocumentType(bytes('MZ', 0x90, 0, 3, 0), 'rechnung.pdf')).toBeNull();
    expect(detectDocumentType(bytes('%PDF-1.4'), 'foto.png')).toBeNull();
    expect(detectDocumentType(bytes(0x50, 0x4b, 0x03, 0x04), 'archiv.txt')).toBeNull();
    expect(detectDocumentType(bytes('hello', 0, 'world'), 'a.txt')).toBeNull();
    expect(detectDocumentType(new Uint8Array(), 'leer.txt')).toBeNull();
  });

  it('refuses types that are not accepted at all, whatever the bytes', () => {
    expect(detectDocumentType(bytes('MZ', 0x90), 'setup.exe')).toBeNull();
    expect(detectDocumentType(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'logo.svg')).toBeNull();
    expect(isAcceptedFileName('setup.exe')).toBe(false);
    expect(isAcceptedFileName('Mietvertrag.Final.PDF')).toBe(true);
    expect(isAcceptedFileName('README')).toBe(false);
  });
});
