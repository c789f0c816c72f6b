import { InvoiceStatus, LeasingErrorCode } from '@quartier/contracts-leasing';
import { INT32_MAX } from '@quartier/contracts-shared';
import { notFound, rpcError } from '@quartier/messaging';

export const invoiceNotFound = (id: string) => notFound('Invoice', id);
export const invoiceEmpty = () => rpcError(422, LeasingErrorCode.INVOICE_EMPTY, 'An invoice needs at least one charge or line');
export const invoiceTotalTooLarge = (totalCents: number) =>
  rpcError(422, LeasingErrorCode.INVOICE_TOTAL_TOO_LARGE, `The invoice total must not exceed ${INT32_MAX} cents`, { totalCents, maxCents: INT32_MAX });
export const invoiceNotEditable = (status: InvoiceStatus, action: string) =>
  rpcError(409, LeasingErrorCode.INVOICE_NOT_EDITABLE, `Cannot ${action} a ${status} invoice`, { status });
export const chargesUnavailable = (ids: string[]) =>
  rpcError(409, LeasingErrorCode.CHARGE_ALREADY_INVOICED, 'Some charges are unknown, of another tenant, or already invoiced', { chargeIds: ids });
