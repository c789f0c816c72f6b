import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  CreateInvoiceDto,
  IdPageRequest,
  IdRequest,
  InvoiceOperations,
  InvoicePdfView,
  InvoiceQueryDto,
  InvoiceSyncView,
  InvoiceView,
  PayInvoiceRequest,
  UpdateInvoiceRequest,
} from '@quartier/contracts-leasing';
import { OrgCaller, Page, PageQueryDto } from '@quartier/contracts-shared';
import { CurrentCaller, HandlesOperation } from '@quartier/messaging';
import { InvoiceService } from './invoice.service';
import { InvoiceSyncService } from './invoice-sync.service';

@Controller()
export class InvoiceController {
  constructor(
    private readonly invoices: InvoiceService,
    private readonly invoiceNinja: InvoiceSyncService,
  ) {}

  @HandlesOperation(InvoiceOperations.sync)
  sync(@CurrentCaller() caller: OrgCaller): Promise<InvoiceSyncView> {
    return this.invoiceNinja.sync(caller);
  }

  @HandlesOperation(InvoiceOperations.list)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: InvoiceQueryDto): Promise<Page<InvoiceView>> {
    return this.invoices.list(caller, query);
  }

  @HandlesOperation(InvoiceOperations.byTenant)
  byTenant(@CurrentCaller() caller: OrgCaller, @Payload() { id, ...query }: IdPageRequest): Promise<Page<InvoiceView>> {
    return this.invoices.forTenant(caller, id, query);
  }

  @HandlesOperation(InvoiceOperations.overdue)
  overdue(@CurrentCaller() caller: OrgCaller, @Payload() query: PageQueryDto): Promise<Page<InvoiceView>> {
    return this.invoices.overdue(caller, query);
  }

  @HandlesOperation(InvoiceOperations.get)
  get(@CurrentCaller() caller: OrgCaller, @Payload() { id }: IdRequest): Promise<InvoiceView> {
    return this.invoices.get(caller, id);
  }

  @HandlesOperation(InvoiceOperations.create)
  create(@CurrentCaller() caller: OrgCaller, @Payload() dto: CreateInvoiceDto): Promise<InvoiceView> {
    return this.invoices.create(caller, dto);
  }

  @HandlesOperation(InvoiceOperations.update)
  update(@CurrentCaller() caller: OrgCaller, @Payload() { id, ...dto }: UpdateInvoiceRequest): Promise<InvoiceView> {
    return this.invoices.update(caller, id, dto);
  }

  @HandlesOperation(InvoiceOperations.remove)
  remove(@CurrentCaller() caller: OrgCaller, @Payload() { id }: IdRequest): Promise<InvoiceView> {
    return this.invoices.void(caller, id);
  }

  @HandlesOperation(InvoiceOperations.pdf)
  pdf(@CurrentCaller() caller: OrgCaller, @Payload() { id }: IdRequest): Promise<InvoicePdfView> {
    return this.invoices.pdf(caller, id);
  }

  @HandlesOperation(InvoiceOperations.send)
  send(@CurrentCaller() caller: OrgCaller, @Payload() { id }: IdRequest): Promise<InvoiceView> {
    return this.invoices.send(caller, id);
  }

  @HandlesOperation(InvoiceOperations.pay)
  pay(@CurrentCaller() caller: OrgCaller, @Payload() { id, ...dto }: PayInvoiceRequest): Promise<InvoiceView> {
    return this.invoices.pay(caller, id, dto);
  }
}
