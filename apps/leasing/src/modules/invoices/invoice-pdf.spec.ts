import { renderInvoicePdf } from './invoice-pdf';

describe('invoice PDF', () => {
  it('renders a PDF document carrying the invoice number in its title', async () => {
    const pdf = await renderInvoicePdf({
      number: '2026-000001',
      issueDate: '2026-03-01',
      dueDate: '2026-03-15',
      currency: 'EUR',
      totalCents: 120_000,
      lines: [{ description: 'Rent 2026-03', amountCents: 120_000 }],
      notes: 'Thank you',
      recipient: { name: 'Erika Muster', email: 'erika@example.com' },
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('Invoice 2026-000001');
    expect(pdf.length).toBeGreaterThan(1000);
  });
});
