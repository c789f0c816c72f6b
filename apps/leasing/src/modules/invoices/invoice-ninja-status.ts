import { InvoiceStatus } from '@quartier/contracts-leasing';

/** Invoice Ninja v5 bulk action that brings its copy of an invoice to our status. */
export type NinjaInvoiceAction = 'mark_sent' | 'mark_paid' | 'cancel';

const ACTIONS: Partial<Record<InvoiceStatus, NinjaInvoiceAction>> = { sent: 'mark_sent', paid: 'mark_paid', void: 'cancel' };

/**
 * What to tell Invoice Ninja about an invoice it already has; undefined when nothing. A pushed
 * invoice starts as 'open' there; paid and voided are final, so they are never pushed back.
 */
export function statusAction(status: InvoiceStatus, externalStatus: InvoiceStatus | null): NinjaInvoiceAction | undefined {
  if (status === externalStatus) return undefined;
  if (externalStatus === 'paid' || externalStatus === 'void') return undefined;
  return ACTIONS[status];
}
