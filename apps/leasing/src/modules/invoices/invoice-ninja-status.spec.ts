import { statusAction } from './invoice-ninja-status';

describe('Invoice Ninja status sync', () => {
  it('pushes sent, paid and void once each', () => {
    expect(statusAction('sent', 'open')).toBe('mark_sent');
    expect(statusAction('paid', 'open')).toBe('mark_paid');
    expect(statusAction('paid', 'sent')).toBe('mark_paid');
    expect(statusAction('void', 'sent')).toBe('cancel');
    expect(statusAction('paid', 'paid')).toBeUndefined();
    expect(statusAction('open', 'open')).toBeUndefined();
  });

  it('never reopens an invoice that Invoice Ninja already has as paid or cancelled', () => {
    expect(statusAction('open', 'paid')).toBeUndefined();
    expect(statusAction('void', 'paid')).toBeUndefined();
    expect(statusAction('paid', 'void')).toBeUndefined();
  });
});
