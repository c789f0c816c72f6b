import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import {
  CreateInvoiceDto,
  InvoicePageView,
  InvoicePdfView,
  InvoiceQueryDto,
  InvoiceSyncView,
  InvoiceView,
  LeasingSubjects,
  PayInvoiceDto,
  UpdateInvoiceDto,
} from '@quartier/contracts-leasing';
import { Caller, PageQueryDto } from '@quartier/contracts-shared';
import { RpcClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { UuidParam } from '../../platform/validation';
import { RequestCaller } from '../../security/caller.decorator';
import { ApiIdempotencyKey, IdempotencyKey } from './idempotency-key';

@ApiTags('invoices')
@ApiAuthenticated()
@Controller('invoices')
export class InvoicesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'List invoices (status, tenant); residents see their own' })
  @ApiOkResponse({ type: InvoicePageView })
  @ApiProblems(422)
  list(@Query() query: InvoiceQueryDto, @RequestCaller() caller: Caller): Promise<InvoicePageView> {
    return this.rpc.request(LeasingSubjects.invoicesList, query, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create an invoice for charges and/or free lines; numbered without gaps per organization and year' })
  @ApiCreatedResponse({ type: InvoiceView })
  @ApiProblems(404, 409, 422)
  create(@Body() dto: CreateInvoiceDto, @RequestCaller() caller: Caller): Promise<InvoiceView> {
    return this.rpc.request(LeasingSubjects.invoicesCreate, dto, caller);
  }

  @Get('sync')
  @ApiOperation({ summary: 'Push new invoices to Invoice Ninja v5 (says so when INVOICE_NINJA_URL is not configured)' })
  @ApiOkResponse({ type: InvoiceSyncView })
  @ApiProblems()
  sync(@RequestCaller() caller: Caller): Promise<InvoiceSyncView> {
    return this.rpc.request(LeasingSubjects.invoicesSync, {}, caller);
  }

  @Get('overdue')
  @ApiOperation({ summary: 'Open or sent invoices past their due date' })
  @ApiOkResponse({ type: InvoicePageView })
  @ApiProblems(422)
  overdue(@Query() query: PageQueryDto, @RequestCaller() caller: Caller): Promise<InvoicePageView> {
    return this.rpc.request(LeasingSubjects.invoicesOverdue, query, caller);
  }

  @Get('tenant/:tenantId')
  @ApiOperation({ summary: "A tenant's invoices" })
  @ApiOkResponse({ type: InvoicePageView })
  @ApiProblems(404, 422)
  byTenant(@UuidParam('tenantId') tenantId: string, @Query() query: PageQueryDto, @RequestCaller() caller: Caller): Promise<InvoicePageView> {
    return this.rpc.request(LeasingSubjects.invoicesByTenant, { ...query, id: tenantId }, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an invoice' })
  @ApiOkResponse({ type: InvoiceView })
  @ApiProblems(404, 422)
  get(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<InvoiceView> {
    return this.rpc.request(LeasingSubjects.invoicesGet, { id }, caller);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Change the due date or notes of an unpaid invoice' })
  @ApiOkResponse({ type: InvoiceView })
  @ApiProblems(404, 409, 422)
  replace(@UuidParam() id: string, @Body() dto: UpdateInvoiceDto, @RequestCaller() caller: Caller): Promise<InvoiceView> {
    return this.rpc.request(LeasingSubjects.invoicesUpdate, { ...dto, id }, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change the due date or notes of an unpaid invoice' })
  @ApiOkResponse({ type: InvoiceView })
  @ApiProblems(404, 409, 422)
  update(@UuidParam() id: string, @Body() dto: UpdateInvoiceDto, @RequestCaller() caller: Caller): Promise<InvoiceView> {
    return this.rpc.request(LeasingSubjects.invoicesUpdate, { ...dto, id }, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Void an invoice: its number stays taken (no gaps) and its charges can be invoiced again' })
  @ApiOkResponse({ type: InvoiceView })
  @ApiProblems(404, 409, 422)
  remove(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<InvoiceView> {
    return this.rpc.request(LeasingSubjects.invoicesDelete, { id }, caller);
  }

  @Get(':id/pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The invoice as a PDF' })
  @ApiOkResponse({ description: 'application/pdf' })
  @ApiProblems(404, 422)
  async pdf(@UuidParam() id: string, @RequestCaller() caller: Caller, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const file = await this.rpc.request<InvoicePdfView>(LeasingSubjects.invoicesPdf, { id }, caller);
    reply.header('Content-Type', file.contentType);
    reply.header('Content-Disposition', `attachment; filename="${file.filename}"`);
    return Buffer.from(file.base64, 'base64');
  }

  @Post(':id/send')
  @HttpCode(200)
  @ApiOperation({ summary: "Email the invoice with its PDF to the tenant (SMTP)" })
  @ApiOkResponse({ type: InvoiceView })
  @ApiProblems(404, 409, 422)
  send(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<InvoiceView> {
    return this.rpc.request(LeasingSubjects.invoicesSend, { id }, caller);
  }

  @Post(':id/pay')
  @HttpCode(200)
  @ApiIdempotencyKey()
  @ApiOperation({ summary: 'Record the payment of the outstanding amount and mark the invoice paid' })
  @ApiOkResponse({ type: InvoiceView })
  @ApiProblems(404, 409, 422)
  pay(@UuidParam() id: string, @Body() dto: PayInvoiceDto, @IdempotencyKey() idempotencyKey: string | undefined, @RequestCaller() caller: Caller): Promise<InvoiceView> {
    return this.rpc.request(LeasingSubjects.invoicesPay, { ...dto, id, idempotencyKey }, caller);
  }
}
