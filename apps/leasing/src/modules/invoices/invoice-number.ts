/** Invoice numbers read `2026-000042`: the year, then a gap-free sequence within it. */
export function formatInvoiceNumber(year: number, sequence: number): string {
  return `${year}-${String(sequence).padStart(6, '0')}`;
}

/** A charge line reads like "Rent 2026-03 (2026-03-01 – 2026-03-31)". */
export function chargeLineDescription(charge: { kind: 'rent' | 'late_fee'; periodStart: string; periodEnd: string }): string {
  const label = charge.kind === 'rent' ? 'Rent' : 'Late fee';
  return `${label} ${charge.periodStart.slice(0, 7)} (${charge.periodStart} – ${charge.periodEnd})`;
}

export function formatMoney(cents: number, currency: string): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const units = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}${units},${String(abs % 100).padStart(2, '0')} ${currency}`;
}
