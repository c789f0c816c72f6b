import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateInvoiceDto,
  IdPageRequest,
  IdRequest,
  InvoicePdfView,
  InvoiceQueryDto,
  InvoiceSyncView,
  InvoiceView,
  LeasingSubjects,
  PayInvoiceRequest,
  UpdateInvoiceRequest,
} from '@quartier/contracts-leasing';
import { OrgCaller, Page, PageQueryDto } from '@quartier/contracts-shared';
import { CurrentCaller } from '@quartier/messaging';
import { InvoiceService } from './invoice.service';
import { InvoiceSyncService } from './invoice-sync.service';

@Controller()
export class InvoiceController {
  constructor(
    private readonly invoices: InvoiceService,
    private readonly invoiceNinja: InvoiceSyncService,
  ) {}

  @MessagePattern(LeasingSubjects.invoicesSync)
  sync(@CurrentCaller() caller: OrgCaller): Promise<InvoiceSyncView> {
    return this.invoiceNinja.sync(caller);
  }

  @MessagePattern(LeasingSubjects.invoicesList)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: InvoiceQueryDto): Promise<Page<InvoiceView>> {
    return this.invoices.list(caller, query);
  }

  @MessagePattern(LeasingSubjects.invoicesByTenant)
  byTenant(@CurrentCaller() caller: OrgCaller, @Payload() { id, ...query }: IdPageRequest): Promise<Page<InvoiceView>> {
    return this.invoices.forTenant(caller, id, query);
  }

  @MessagePattern(LeasingSubjects.invoicesOverdue)
  overdue(@CurrentCaller() caller: OrgCaller, @Payload() query: PageQueryDto): Promise<Page<InvoiceView>> {
    return this.invoices.overdue(caller, query);
  }

  @MessagePattern(LeasingSubjects.invoicesGet)
  get(@CurrentCaller() caller: OrgCaller, @Payload() { id }: IdRequest): Promise<InvoiceView> {
    return this.invoices.get(caller, id);
  }

  @MessagePattern(LeasingSubjects.invoicesCreate)
  create(@CurrentCaller() caller: OrgCaller, @Payload() dto: CreateInvoiceDto): Promise<InvoiceView> {
    return this.invoices.create(caller, dto);
  }

  @MessagePattern(LeasingSubjects.invoicesUpdate)
  update(@CurrentCaller() caller: OrgCaller, @Payload() { id, ...dto }: UpdateInvoiceRequest): Promise<InvoiceView> {
    return this.invoices.update(caller, id, dto);
  }

  @MessagePattern(LeasingSubjects.invoicesDelete)
  remove(@CurrentCaller() caller: OrgCaller, @Payload() { id }: IdRequest): Promise<InvoiceView> {
    return this.invoices.void(caller, id);
  }

  @MessagePattern(LeasingSubjects.invoicesPdf)
  pdf(@CurrentCaller() caller: OrgCaller, @Payload() { id }: IdRequest): Promise<InvoicePdfView> {
    return this.invoices.pdf(caller, id);
  }

  @MessagePattern(LeasingSubjects.invoicesSend)
  send(@CurrentCaller() caller: OrgCaller, @Payload() { id }: IdRequest): Promise<InvoiceView> {
    return this.invoices.send(caller, id);
  }

  @MessagePattern(LeasingSubjects.invoicesPay)
  pay(@CurrentCaller() caller: OrgCaller, @Payload() { id, idempotencyKey, ...dto }: PayInvoiceRequest): Promise<InvoiceView> {
    return this.invoices.pay(caller, id, dto, idempotencyKey);
  }
}
