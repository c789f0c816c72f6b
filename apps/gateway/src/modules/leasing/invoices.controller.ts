import { Body, Controller, Get, Put, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { InvoiceOperations, InvoicePageView, InvoiceView, UpdateInvoiceDto } from '@quartier/contracts-leasing';
import { Caller, PageQueryDto } from '@quartier/contracts-shared';
import { OperationClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { UuidParam } from '../../platform/validation';
import { RequestCaller } from '../../security/caller.decorator';

/** The /invoices routes operationController cannot build; the others are generated in leasing.module.ts. */
@ApiTags('invoices')
@ApiAuthenticated()
@Controller('invoices')
export class InvoicesController {
  constructor(private readonly operations: OperationClient) {}

  // Hand-written: the path names the tenant tenantId, the bus request id.
  @Get('tenant/:tenantId')
  @ApiOperation({ summary: "A tenant's invoices" })
  @ApiOkResponse({ type: InvoicePageView })
  @ApiProblems(404, 422)
  byTenant(@UuidParam('tenantId') tenantId: string, @Query() query: PageQueryDto, @RequestCaller() caller: Caller): Promise<InvoicePageView> {
    return this.operations.send(InvoiceOperations.byTenant, { ...query, id: tenantId }, caller);
  }

  // Hand-written: the same operation as the generated PATCH, and a descriptor has one route.
  @Put(':id')
  @ApiOperation({ summary: 'Change the due date or notes of an unpaid invoice' })
  @ApiOkResponse({ type: InvoiceView })
  @ApiProblems(404, 409, 422)
  replace(@UuidParam() id: string, @Body() dto: UpdateInvoiceDto, @RequestCaller() caller: Caller): Promise<InvoiceView> {
    return this.operations.send(InvoiceOperations.update, { ...dto, id }, caller);
  }

  // Hand-written: a PDF download, not a JSON body.
  @Get(':id/pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The invoice as a PDF' })
  @ApiOkResponse({ description: 'application/pdf' })
  @ApiProblems(404, 422)
  async pdf(@UuidParam() id: string, @RequestCaller() caller: Caller, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const file = await this.operations.send(InvoiceOperations.pdf, { id }, caller);
    reply.header('Content-Type', file.contentType);
    reply.header('Content-Disposition', `attachment; filename="${file.filename}"`);
    return Buffer.from(file.base64, 'base64');
  }
}
