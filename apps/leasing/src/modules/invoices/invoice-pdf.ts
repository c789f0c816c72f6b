import PDFDocument from 'pdfkit';
import { formatMoney } from './invoice-number';

export interface InvoiceDocument {
  number: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  totalCents: number;
  lines: { description: string; amountCents: number }[];
  notes: string | null;
  recipient: { name: string; email: string };
}

/** Renders an invoice as a one-column A4 PDF. */
export function renderInvoicePdf(invoice: InvoiceDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Invoice ${invoice.number}` } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(20).text(`Invoice ${invoice.number}`);
    doc.moveDown().fontSize(11).text(invoice.recipient.name).text(invoice.recipient.email);
    doc.moveDown().text(`Issue date: ${invoice.issueDate}`).text(`Due date: ${invoice.dueDate}`);
    doc.moveDown();
    for (const line of invoice.lines) {
      const y = doc.y;
      doc.text(line.description, 50, y, { width: 380 });
      doc.text(formatMoney(line.amountCents, invoice.currency), 430, y, { width: 115, align: 'right' });
      doc.moveDown(0.3);
    }
    doc.moveDown().fontSize(13).text(`Total: ${formatMoney(invoice.totalCents, invoice.currency)}`, 50, doc.y, { align: 'right' });
    if (invoice.notes) doc.moveDown().fontSize(10).text(invoice.notes, 50);
    doc.end();
  });
}
