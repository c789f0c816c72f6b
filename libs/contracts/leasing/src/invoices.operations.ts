import { CommonErrorCode, EmptyRequest, PageQueryDto, defineOperation } from '@quartier/contracts-shared';
import { IdPageRequest, IdRequest } from './common.dto';
import { CreateInvoiceDto, InvoiceQueryDto, PayInvoiceRequest, UpdateInvoiceRequest } from './invoice.dto';
import { LeasingErrorCode } from './leasing.errors';
import { InvoicePageView, InvoicePdfView, InvoiceSyncView, InvoiceView } from './responses';

const service = 'leasing';
const tags = ['invoices'] as const;

/** The errors of a change to one invoice: missing, not in a status that allows it, invalid input. */
const invoiceChangeErrors = {
  [CommonErrorCode.NOT_FOUND]: 404,
  [LeasingErrorCode.INVOICE_NOT_EDITABLE]: 409,
  [CommonErrorCode.VALIDATION_FAILED]: 422,
} as const;

export const InvoiceOperations = {
  list: defineOperation({
    service,
    subject: 'leasing.v1.invoices.list',
    request: InvoiceQueryDto,
    response: InvoicePageView,
    http: { method: 'GET', path: '/invoices', status: 200, tags, summary: 'List invoices (status, tenant); residents see their own' },
    access: { scopes: ['read'] },
    paged: true,
    idempotency: 'safe',
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  create: defineOperation({
    service,
    subject: 'leasing.v1.invoices.create',
    request: CreateInvoiceDto,
    response: InvoiceView,
    http: {
      method: 'POST',
      path: '/invoices',
      status: 201,
      tags,
      summary: 'Create an invoice for charges and/or free lines; numbered without gaps per organization and year',
    },
    access: { scopes: ['write'] },
    paged: false,
    idempotency: 'none',
    errors: {
      [CommonErrorCode.NOT_FOUND]: 404,
      [LeasingErrorCode.CHARGE_ALREADY_INVOICED]: 409,
      [LeasingErrorCode.INVOICE_EMPTY]: 422,
      [LeasingErrorCode.INVOICE_TOTAL_TOO_LARGE]: 422,
      [CommonErrorCode.VALIDATION_FAILED]: 422,
    },
  }),
  sync: defineOperation({
    service,
    subject: 'leasing.v1.invoices.sync',
    request: EmptyRequest,
    response: InvoiceSyncView,
    http: { method: 'GET', path: '/invoices/sync', status: 200, tags, summary: 'Push new invoices to Invoice Ninja v5 (says so when INVOICE_NINJA_URL is not configured)' },
    access: { scopes: ['read'] },
    paged: false,
    // Pushes only invoices Invoice Ninja does not have yet.
    idempotency: 'idempotent',
    errors: {},
  }),
  overdue: defineOperation({
    service,
    subject: 'leasing.v1.invoices.overdue',
    request: PageQueryDto,
    response: InvoicePageView,
    http: { method: 'GET', path: '/invoices/overdue', status: 200, tags, summary: 'Open or sent invoices past their due date' },
    access: { scopes: ['read'] },
    paged: true,
    idempotency: 'safe',
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  /** The path names the tenant `tenantId`, the request `id`: served by hand. */
  byTenant: defineOperation({
    service,
    subject: 'leasing.v1.invoices.by-tenant',
    request: IdPageRequest,
    response: InvoicePageView,
    http: { method: 'GET', path: '/invoices/tenant/:tenantId', status: 200, tags, summary: "A tenant's invoices" },
    access: { scopes: ['read'] },
    paged: true,
    idempotency: 'safe',
    errors: { [CommonErrorCode.NOT_FOUND]: 404, [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  get: defineOperation({
    service,
    subject: 'leasing.v1.invoices.get',
    request: IdRequest,
    response: InvoiceView,
    http: { method: 'GET', path: '/invoices/:id', status: 200, tags, summary: 'Get an invoice' },
    access: { scopes: ['read'] },
    paged: false,
    idempotency: 'safe',
    errors: { [CommonErrorCode.NOT_FOUND]: 404, [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  /** Served as PATCH /invoices/:id and, by hand in the gateway's InvoicesController, as PUT (both partial). */
  update: defineOperation({
    service,
    subject: 'leasing.v1.invoices.update',
    request: UpdateInvoiceRequest,
    response: InvoiceView,
    http: { method: 'PATCH', path: '/invoices/:id', status: 200, tags, summary: 'Change the due date or notes of an unpaid invoice' },
    access: { scopes: ['write'] },
    paged: false,
    idempotency: 'idempotent',
    errors: invoiceChangeErrors,
  }),
  remove: defineOperation({
    service,
    subject: 'leasing.v1.invoices.delete',
    request: IdRequest,
    response: InvoiceView,
    http: {
      method: 'DELETE',
      path: '/invoices/:id',
      status: 200,
      tags,
      summary: 'Void an invoice: its number stays taken (no gaps) and its charges can be invoiced again',
    },
    access: { scopes: ['delete'] },
    paged: false,
    idempotency: 'idempotent',
    errors: invoiceChangeErrors,
  }),
  /** A PDF download: served by hand. */
  pdf: defineOperation({
    service,
    subject: 'leasing.v1.invoices.pdf',
    request: IdRequest,
    response: InvoicePdfView,
    http: { method: 'GET', path: '/invoices/:id/pdf', status: 200, tags, summary: 'The invoice as a PDF' },
    access: { scopes: ['read'] },
    paged: false,
    idempotency: 'safe',
    errors: { [CommonErrorCode.NOT_FOUND]: 404, [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  send: defineOperation({
    service,
    subject: 'leasing.v1.invoices.send',
    request: IdRequest,
    response: InvoiceView,
    http: { method: 'POST', path: '/invoices/:id/send', status: 200, tags, summary: 'Email the invoice with its PDF to the tenant (SMTP)' },
    access: { scopes: ['write'] },
    paged: false,
    // Every call sends the mail again.
    idempotency: 'none',
    errors: { ...invoiceChangeErrors, [LeasingErrorCode.MAIL_NOT_CONFIGURED]: 503 },
  }),
  pay: defineOperation({
    service,
    subject: 'leasing.v1.invoices.pay',
    request: PayInvoiceRequest,
    response: InvoiceView,
    http: { method: 'POST', path: '/invoices/:id/pay', status: 200, tags, summary: 'Record the payment of the outstanding amount and mark the invoice paid' },
    access: { scopes: ['write'] },
    paged: false,
    idempotency: 'none',
    errors: invoiceChangeErrors,
  }),
};
