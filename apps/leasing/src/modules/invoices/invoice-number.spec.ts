import { chargeLineDescription, formatInvoiceNumber, formatMoney } from './invoice-number';

describe('invoice wording', () => {
  it('numbers invoices by year with a zero-padded sequence', () => {
    expect(formatInvoiceNumber(2026, 42)).toBe('2026-000042');
  });

  it('describes charge lines and formats money the German way', () => {
    expect(chargeLineDescription({ kind: 'rent', periodStart: '2026-03-01', periodEnd: '2026-03-31' })).toBe('Rent 2026-03 (2026-03-01 – 2026-03-31)');
    expect(formatMoney(123_456_78, 'EUR')).toBe('123.456,78 EUR');
    expect(formatMoney(5, 'EUR')).toBe('0,05 EUR');
  });
});
