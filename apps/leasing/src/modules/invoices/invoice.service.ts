import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, FindOptionsWhere, In, IsNull } from 'typeorm';
import {
  CreateInvoiceDto,
  INVOICE_SORT_FIELDS,
  InvoicePdfView,
  InvoiceQueryDto,
  InvoiceView,
  PayInvoiceDto,
  UpdateInvoiceDto,
} from '@quartier/contracts-leasing';
import { isResidentOnly } from '@quartier/auth';
import { INT32_MAX, OrgCaller, Page, PageQueryDto, orderRecord, pageOf, pageParams } from '@quartier/contracts-shared';
import { OrgScopedRepository } from '@quartier/db';
import { allowListedSort, notFound } from '@quartier/messaging';
import { allocatePayment } from '../payments/allocation';
import { PaymentAllocationEntity, PaymentEntity } from '../payments/payment.entity';
import { PaymentService } from '../payments/payment.service';
import { ChargeEntity } from '../rent/charge.entity';
import { addDays } from '../shared/iso-date';
import { Today } from '../shared/today';
import { TenantService } from '../tenants/tenant.service';
import { chargesUnavailable, invoiceEmpty, invoiceNotEditable, invoiceNotFound, invoiceTotalTooLarge } from './invoice.errors';
import { InvoiceEntity } from './invoice.entity';
import { InvoiceMailer } from './invoice-mailer';
import { chargeLineDescription, formatInvoiceNumber } from './invoice-number';
import { renderInvoicePdf } from './invoice-pdf';

export const INVOICE_DUE_DAYS = Symbol('INVOICE_DUE_DAYS');
const NO_TENANT = '00000000-0000-0000-0000-000000000000';

@Injectable()
export class InvoiceService {
  private readonly invoices: OrgScopedRepository<InvoiceEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tenants: TenantService,
    private readonly payments: PaymentService,
    private readonly mailer: InvoiceMailer,
    private readonly today: Today,
    @Inject(INVOICE_DUE_DAYS) private readonly dueDays: number,
  ) {
    this.invoices = new OrgScopedRepository(InvoiceEntity, dataSource.manager);
  }

  async list(caller: OrgCaller, query: InvoiceQueryDto): Promise<Page<InvoiceView>> {
    const { page, size } = pageParams(query);
    const where: FindOptionsWhere<InvoiceEntity> = {};
    if (query.status) where.status = query.status;
    if (query.tenantId) where.tenantId = query.tenantId;
    if (isResidentOnly(caller.roles)) where.tenantId = (await this.tenants.findOwn(caller))?.id ?? NO_TENANT;
    const order = orderRecord(allowListedSort(query.sort, INVOICE_SORT_FIELDS, '-year,-sequence'));
    const [rows, total] = await this.invoices.findPage(caller.organizationId, { where, order, page, size });
    return pageOf(rows.map(toInvoiceView), total, page, size);
  }

  async forTenant(caller: OrgCaller, tenantId: string, query: PageQueryDto): Promise<Page<InvoiceView>> {
    await this.tenants.require(caller, tenantId);
    return this.list(caller, { ...query, tenantId });
  }

  /** Open or sent invoices past their due date, oldest first. */
  async overdue(caller: OrgCaller, query: PageQueryDto): Promise<Page<InvoiceView>> {
    const { page, size } = pageParams(query);
    const builder = this.invoices
      .query(caller.organizationId, 'i')
      .andWhere("i.status IN ('open', 'sent')")
      .andWhere('i.due_date < :today', { today: this.today.get() })
      .orderBy('i.due_date', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .skip((page - 1) * size)
      .take(size);
    if (isResidentOnly(caller.roles)) builder.andWhere('i.tenant_id = :tenantId', { tenantId: (await this.tenants.findOwn(caller))?.id ?? NO_TENANT });
    const [rows, total] = await builder.getManyAndCount();
    return pageOf(rows.map(toInvoiceView), total, page, size);
  }

  async get(caller: OrgCaller, id: string): Promise<InvoiceView> {
    return toInvoiceView(await this.require(caller, id));
  }

  /**
   * Creates an invoice for charges and/or free lines. The number comes from a per-year counter
   * row updated in the same transaction: a rolled-back invoice never consumes a number.
   */
  async create(caller: OrgCaller, dto: CreateInvoiceDto): Promise<InvoiceView> {
    return this.dataSource.transaction(async (manager) => {
      const tenant = await this.tenants.require(caller, dto.tenantId, manager);
      const charges = await this.chargesToInvoice(manager, caller.organizationId, tenant.id, dto);
      const lines = [
        ...charges.map((charge) => ({ description: chargeLineDescription(charge), amountCents: charge.amountCents, chargeId: charge.id })),
        ...(dto.lines ?? []).map((line) => ({ description: line.description, amountCents: line.amountCents, chargeId: null })),
      ];
      if (lines.length === 0) throw invoiceEmpty();
      // Each line fits the integer column; their sum may not, and must answer 422 rather than fail the insert.
      const totalCents = lines.reduce((sum, line) => sum + line.amountCents, 0);
      if (totalCents > INT32_MAX) throw invoiceTotalTooLarge(totalCents);
      const issueDate = dto.issueDate ?? this.today.get();
      const year = Number(issueDate.slice(0, 4));
      const [{ last_number: sequence }] = await manager.query(
        `INSERT INTO invoice_counters (organization_id, year, last_number) VALUES ($1, $2, 1)
         ON CONFLICT (organization_id, year) DO UPDATE SET last_number = invoice_counters.last_number + 1 RETURNING last_number`,
        [caller.organizationId, year],
      );
      const invoice = await this.invoices.withManager(manager).insert(caller.organizationId, {
        number: formatInvoiceNumber(year, sequence),
        year,
        sequence,
        tenantId: tenant.id,
        leaseId: dto.leaseId ?? charges[0]?.leaseId ?? null,
        status: 'open',
        issueDate,
        dueDate: dto.dueDate ?? addDays(issueDate, this.dueDays),
        currency: dto.currency ?? charges[0]?.currency ?? 'EUR',
        totalCents,
        lines,
        notes: dto.notes ?? null,
        sentAt: null,
        paidAt: null,
        externalId: null,
      });
      if (charges.length > 0) {
        await manager.update(ChargeEntity, { organizationId: caller.organizationId, id: In(charges.map((charge) => charge.id)) }, { invoiceId: invoice.id });
      }
      return toInvoiceView(invoice);
    });
  }

  async update(caller: OrgCaller, id: string, dto: UpdateInvoiceDto): Promise<InvoiceView> {
    const invoice = await this.require(caller, id);
    if (invoice.status === 'paid' || invoice.status === 'void') throw invoiceNotEditable(invoice.status, 'update');
    if (dto.dueDate !== undefined) invoice.dueDate = dto.dueDate;
    if (dto.notes !== undefined) invoice.notes = dto.notes;
    return toInvoiceView(await this.invoices.save(caller.organizationId, invoice));
  }

  /** Numbers are never reused: deleting voids the invoice and frees its charges for a new one. */
  async void(caller: OrgCaller, id: string): Promise<InvoiceView> {
    return this.dataSource.transaction(async (manager) => {
      const invoice = await this.require(caller, id, manager);
      if (invoice.status === 'paid' || invoice.status === 'void') throw invoiceNotEditable(invoice.status, 'void');
      invoice.status = 'void';
      await manager.update(ChargeEntity, { organizationId: caller.organizationId, invoiceId: invoice.id }, { invoiceId: null });
      return toInvoiceView(await this.invoices.withManager(manager).save(caller.organizationId, invoice));
    });
  }

  async pdf(caller: OrgCaller, id: string): Promise<InvoicePdfView> {
    const invoice = await this.require(caller, id);
    const content = await this.render(caller, invoice);
    return { filename: `invoice-${invoice.number}.pdf`, contentType: 'application/pdf', base64: content.toString('base64') };
  }

  /** Emails the invoice with its PDF to the tenant and marks it sent. */
  async send(caller: OrgCaller, id: string): Promise<InvoiceView> {
    const invoice = await this.require(caller, id);
    if (invoice.status === 'void') throw invoiceNotEditable(invoice.status, 'send');
    const tenant = await this.tenants.require(caller, invoice.tenantId);
    const content = await this.render(caller, invoice);
    await this.mailer.send({
      to: tenant.email,
      subject: `Invoice ${invoice.number}`,
      text: `Dear ${tenant.firstName} ${tenant.lastName},\n\nplease find invoice ${invoice.number}, due on ${invoice.dueDate}, attached.\n`,
      attachment: { filename: `invoice-${invoice.number}.pdf`, content },
    });
    invoice.sentAt = new Date();
    if (invoice.status === 'open') invoice.status = 'sent';
    return toInvoiceView(await this.invoices.save(caller.organizationId, invoice));
  }

  /** Records a payment for the invoice's outstanding amount and settles its charges. */
  pay(caller: OrgCaller, id: string, dto: PayInvoiceDto): Promise<InvoiceView> {
    return this.dataSource.transaction(async (manager) => {
      const invoice = await this.require(caller, id, manager);
      if (invoice.status === 'paid' || invoice.status === 'void') throw invoiceNotEditable(invoice.status, 'pay');
      const charges = await new OrgScopedRepository(ChargeEntity, manager).find(caller.organizationId, { invoiceId: invoice.id });
      const chargeOutstanding = charges.reduce((sum, charge) => sum + charge.amountCents - charge.paidCents, 0);
      const freeLines = invoice.lines.filter((line) => line.chargeId === null).reduce((sum, line) => sum + line.amountCents, 0);
      const amount = chargeOutstanding + freeLines;
      if (amount > 0) {
        const { allocations } = allocatePayment(chargeOutstanding, charges);
        const payment = await new OrgScopedRepository(PaymentEntity, manager).insert(caller.organizationId, {
          tenantId: invoice.tenantId,
          leaseId: invoice.leaseId,
          amountCents: amount,
          refundedCents: 0,
          unallocatedCents: freeLines,
          currency: invoice.currency,
          method: dto.method ?? 'bank_transfer',
          status: 'completed',
          paidOn: dto.paidOn ?? this.today.get(),
          reference: dto.reference ?? `Invoice ${invoice.number}`,
          notes: null,
          stripePaymentIntentId: null,
        });
        await this.payments.applyToCharges(manager, caller.organizationId, allocations);
        if (allocations.length > 0) {
          await manager.insert(PaymentAllocationEntity, allocations.map((allocation) => ({ ...allocation, organizationId: caller.organizationId, paymentId: payment.id })));
        }
      }
      invoice.status = 'paid';
      invoice.paidAt = new Date();
      return toInvoiceView(await this.invoices.withManager(manager).save(caller.organizationId, invoice));
    });
  }

  async require(caller: OrgCaller, id: string, manager?: EntityManager): Promise<InvoiceEntity> {
    const invoice = await (manager ? this.invoices.withManager(manager) : this.invoices).findById(caller.organizationId, id);
    if (!invoice) throw invoiceNotFound(id);
    if (isResidentOnly(caller.roles) && invoice.tenantId !== (await this.tenants.findOwn(caller))?.id) throw invoiceNotFound(id);
    return invoice;
  }

  private async chargesToInvoice(manager: EntityManager, organizationId: string, tenantId: string, dto: CreateInvoiceDto): Promise<ChargeEntity[]> {
    const charges = new OrgScopedRepository(ChargeEntity, manager);
    if (dto.chargeIds?.length) {
      const ids = [...new Set(dto.chargeIds)];
      const found = await charges.find(organizationId, { id: In(ids), tenantId, invoiceId: IsNull() }, { periodMonth: 'ASC' });
      if (found.length !== ids.length) throw chargesUnavailable(ids.filter((id) => !found.some((charge) => charge.id === id)));
      return found;
    }
    if (dto.leaseId && !dto.lines) {
      const lease: unknown[] = await manager.query('SELECT 1 FROM leases WHERE organization_id = $1 AND id = $2 AND tenant_id = $3', [organizationId, dto.leaseId, tenantId]);
      if (lease.length === 0) throw notFound('Lease', dto.leaseId);
      return charges.find(organizationId, { leaseId: dto.leaseId, invoiceId: IsNull() }, { periodMonth: 'ASC', kind: 'DESC' });
    }
    return [];
  }

  private async render(caller: OrgCaller, invoice: InvoiceEntity): Promise<Buffer> {
    const tenant = await this.tenants.require(caller, invoice.tenantId);
    return renderInvoicePdf({
      ...invoice,
      recipient: { name: tenant.companyName ?? `${tenant.firstName} ${tenant.lastName}`, email: tenant.email },
    });
  }
}

export function toInvoiceView(invoice: InvoiceEntity): InvoiceView {
  return {
    id: invoice.id,
    number: invoice.number,
    tenantId: invoice.tenantId,
    leaseId: invoice.leaseId,
    status: invoice.status,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    currency: invoice.currency,
    totalCents: invoice.totalCents,
    lines: invoice.lines,
    notes: invoice.notes,
    sentAt: invoice.sentAt?.toISOString() ?? null,
    paidAt: invoice.paidAt?.toISOString() ?? null,
    externalId: invoice.externalId,
    createdAt: invoice.createdAt.toISOString(),
  };
}
