import PDFDocument from 'pdfkit';
import { UnsupportedDocumentError, csvToText, extractText, resolveContentType } from './text-extraction';

function pdf(pages: string[]): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const parts: Buffer[] = [];
    doc.on('data', (part: Buffer) => parts.push(part));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    pages.forEach((page, index) => {
      if (index > 0) doc.addPage();
      doc.text(page);
    });
    doc.end();
  });
}

describe('text extraction', () => {
  it('reads the text of every page of a PDF', async () => {
    const text = await extractText(await pdf(['Pets need written consent.', 'Quiet hours 22:00 to 06:00.']), 'application/pdf');
    expect(text).toBe('Pets need written consent.\n\nQuiet hours 22:00 to 06:00.');
  });

  it('refuses a PDF name on other bytes and binary data named text', async () => {
    await expect(extractText(Buffer.from('hello'), 'application/pdf')).rejects.toThrow(UnsupportedDocumentError);
    await expect(extractText(Buffer.from('%PDF-1.7 broken'), 'application/pdf')).rejects.toThrow(UnsupportedDocumentError);
    await expect(extractText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1]), 'text/plain')).rejects.toThrow(UnsupportedDocumentError);
  });

  it('turns CSV rows into labelled lines, with quoted commas and semicolon files', () => {
    expect(csvToText('unit,rent,note\n1A,850,"balcony, south"\n2B,910,\n')).toBe('unit: 1A; rent: 850; note: balcony, south\nunit: 2B; rent: 910');
    expect(csvToText('Einheit;Miete\n3C;700')).toBe('Einheit: 3C; Miete: 700');
  });

  it('decides the type from the declared type and the file name', () => {
    expect(resolveContentType('application/octet-stream', 'rules.MD')).toBe('text/markdown');
    expect(resolveContentType('text/plain; charset=utf-8', 'units.csv')).toBe('text/csv');
    expect(resolveContentType('application/pdf', 'scan')).toBe('application/pdf');
    expect(resolveContentType('text/plain', 'notes')).toBe('text/plain');
    expect(resolveContentType('application/octet-stream', 'notes')).toBeUndefined();
    expect(resolveContentType('image/png', 'plan.png')).toBeUndefined();
  });
});
