import { BadRequestException, Body, Controller, Delete, Get, Headers, HttpCode, Post, Put, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { Public } from '@quartier/auth';
import {
  LeasingSubjects,
  OverdueChargePageView,
  PaymentIntentView,
  PaymentPageView,
  PaymentQueryDto,
  PaymentSummaryQueryDto,
  PaymentSummaryView,
  PaymentView,
  RecordPaymentDto,
  RefundPaymentDto,
  StripeWebhookResult,
  UpdatePaymentDto,
} from '@quartier/contracts-leasing';
import { Caller, PageQueryDto } from '@quartier/contracts-shared';
import { RpcClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems, ApiPublicProblems } from '../../platform/api-docs';
import { UuidParam } from '../../platform/validation';
import { RequestCaller } from '../../security/caller.decorator';
import { ApiIdempotencyKey, IdempotencyKey } from './idempotency-key';
import { stripeRawBody } from './stripe-raw-body';

@ApiTags('payments')
@ApiAuthenticated()
@Controller('payments')
export class PaymentsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'List payments (tenant, lease, status, method, paid between from and to)' })
  @ApiOkResponse({ type: PaymentPageView })
  @ApiProblems(422)
  list(@Query() query: PaymentQueryDto, @RequestCaller() caller: Caller): Promise<PaymentPageView> {
    return this.rpc.request(LeasingSubjects.paymentsList, query, caller);
  }

  @Post()
  @ApiIdempotencyKey()
  @ApiOperation({ summary: "Record a payment, allocated to the tenant's open charges oldest first (method `stripe`: pending until Stripe confirms)" })
  @ApiCreatedResponse({ type: PaymentView })
  @ApiProblems(404, 422)
  record(@Body() dto: RecordPaymentDto, @IdempotencyKey() idempotencyKey: string | undefined, @RequestCaller() caller: Caller): Promise<PaymentView> {
    return this.rpc.request(LeasingSubjects.paymentsCreate, { ...dto, idempotencyKey }, caller);
  }

  @Get('overdue')
  @ApiOperation({ summary: 'Unpaid charges past their due date, with days overdue and the outstanding amount' })
  @ApiOkResponse({ type: OverdueChargePageView })
  @ApiProblems(422)
  overdue(@Query() query: PageQueryDto, @RequestCaller() caller: Caller): Promise<OverdueChargePageView> {
    return this.rpc.request(LeasingSubjects.paymentsOverdue, query, caller);
  }

  @Get('reports/summary')
  @ApiOperation({ summary: 'Collected, refunded, pending and overdue amounts between from and to, per currency' })
  @ApiOkResponse({ type: PaymentSummaryView })
  @ApiProblems(422)
  summary(@Query() query: PaymentSummaryQueryDto, @RequestCaller() caller: Caller): Promise<PaymentSummaryView> {
    return this.rpc.request(LeasingSubjects.paymentsSummary, query, caller);
  }

  @Get('tenant/:tenantId')
  @ApiOperation({ summary: "A tenant's payments" })
  @ApiOkResponse({ type: PaymentPageView })
  @ApiProblems(404, 422)
  byTenant(@UuidParam('tenantId') tenantId: string, @Query() query: PageQueryDto, @RequestCaller() caller: Caller): Promise<PaymentPageView> {
    return this.rpc.request(LeasingSubjects.paymentsByTenant, { ...query, id: tenantId }, caller);
  }

  @Post('webhooks/stripe')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Stripe webhook: payment_intent.succeeded / payment_failed and charge.refunded, each handled once',
    description: 'Called by Stripe, not by users: authenticated by the Stripe-Signature header over the raw body (400 when it does not match).',
  })
  @ApiOkResponse({ type: StripeWebhookResult })
  @ApiPublicProblems(400)
  webhook(@Req() request: FastifyRequest, @Headers('stripe-signature') signature: string | undefined): Promise<StripeWebhookResult> {
    const raw = stripeRawBody(request);
    if (!raw || !signature) throw new BadRequestException('A Stripe webhook needs its raw body and the Stripe-Signature header');
    return this.rpc.request(LeasingSubjects.stripeWebhook, { rawBody: raw.toString('base64'), signature }, { requestId: request.requestId, roles: [], scopes: [] });
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a payment' })
  @ApiOkResponse({ type: PaymentView })
  @ApiProblems(404, 422)
  get(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<PaymentView> {
    return this.rpc.request(LeasingSubjects.paymentsGet, { id }, caller);
  }

  @Put(':id')
  @ApiIdempotencyKey()
  @ApiOperation({ summary: 'Correct method, date, reference or notes of a payment' })
  @ApiOkResponse({ type: PaymentView })
  @ApiProblems(404, 422)
  update(
    @UuidParam() id: string,
    @Body() dto: UpdatePaymentDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @RequestCaller() caller: Caller,
  ): Promise<PaymentView> {
    return this.rpc.request(LeasingSubjects.paymentsUpdate, { ...dto, id, idempotencyKey }, caller);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiIdempotencyKey()
  @ApiOperation({ summary: 'Delete a manual payment and reopen what it paid (a Stripe payment is a 409: refund it)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404, 409, 422)
  async remove(@UuidParam() id: string, @IdempotencyKey() idempotencyKey: string | undefined, @RequestCaller() caller: Caller): Promise<void> {
    await this.rpc.request(LeasingSubjects.paymentsDelete, { id, idempotencyKey }, caller);
  }

  @Post(':id/refund')
  @HttpCode(200)
  @ApiIdempotencyKey()
  @ApiOperation({ summary: 'Refund a payment fully or partly (through Stripe when it came through Stripe)' })
  @ApiOkResponse({ type: PaymentView })
  @ApiProblems(404, 409, 422)
  refund(
    @UuidParam() id: string,
    @Body() dto: RefundPaymentDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @RequestCaller() caller: Caller,
  ): Promise<PaymentView> {
    return this.rpc.request(LeasingSubjects.paymentsRefund, { ...dto, id, idempotencyKey }, caller);
  }

  @Post(':id/intent')
  @HttpCode(200)
  @ApiIdempotencyKey()
  @ApiOperation({ summary: 'Create (or return) the Stripe PaymentIntent of a pending payment' })
  @ApiOkResponse({ type: PaymentIntentView })
  @ApiProblems(404, 409, 422)
  intent(@UuidParam() id: string, @IdempotencyKey() idempotencyKey: string | undefined, @RequestCaller() caller: Caller): Promise<PaymentIntentView> {
    return this.rpc.request(LeasingSubjects.paymentsIntent, { id, idempotencyKey }, caller);
  }
}
