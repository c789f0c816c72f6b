import { BadRequestException, Body, Controller, Delete, Get, Headers, HttpCode, Post, Put, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { Public } from '@quartier/auth';
import {
  PaymentIntentView,
  PaymentOperations,
  PaymentPageView,
  PaymentView,
  RecordPaymentDto,
  RefundPaymentDto,
  StripeWebhookResult,
  UpdatePaymentDto,
} from '@quartier/contracts-leasing';
import { Caller, PageQueryDto } from '@quartier/contracts-shared';
import { OperationClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems, ApiPublicProblems } from '../../platform/api-docs';
import { UuidParam } from '../../platform/validation';
import { RequestCaller } from '../../security/caller.decorator';
import { ApiIdempotencyKey, IdempotencyKey } from './idempotency-key';
import { stripeRawBody } from './stripe-raw-body';

/**
 * The /payments routes operationController cannot build; the others are generated in
 * leasing.module.ts. Idempotency-Key routes are here because the factory would also accept and
 * document `idempotencyKey` as a body or query field, which the edge refuses today.
 */
@ApiTags('payments')
@ApiAuthenticated()
@Controller('payments')
export class PaymentsController {
  constructor(private readonly operations: OperationClient) {}

  // Hand-written: Idempotency-Key only from the header (the factory would accept it in the body too).
  @Post()
  @ApiIdempotencyKey()
  @ApiOperation({ summary: "Record a payment, allocated to the tenant's open charges oldest first (method `stripe`: pending until Stripe confirms)" })
  @ApiCreatedResponse({ type: PaymentView })
  @ApiProblems(404, 422)
  record(@Body() dto: RecordPaymentDto, @IdempotencyKey() idempotencyKey: string | undefined, @RequestCaller() caller: Caller): Promise<PaymentView> {
    return this.operations.send(PaymentOperations.record, { ...dto, idempotencyKey }, caller);
  }

  // Hand-written: the path names the tenant tenantId, the bus request (also sent by ai) id.
  @Get('tenant/:tenantId')
  @ApiOperation({ summary: "A tenant's payments" })
  @ApiOkResponse({ type: PaymentPageView })
  @ApiProblems(404, 422)
  byTenant(@UuidParam('tenantId') tenantId: string, @Query() query: PageQueryDto, @RequestCaller() caller: Caller): Promise<PaymentPageView> {
    return this.operations.send(PaymentOperations.byTenant, { ...query, id: tenantId }, caller);
  }

  // Hand-written: Stripe signs the raw body, which the factory does not see.
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
    return this.operations.send(
      PaymentOperations.stripeWebhook,
      { rawBody: raw.toString('base64'), signature },
      { requestId: request.requestId, roles: [], scopes: [] },
    );
  }

  // Hand-written: Idempotency-Key only from the header (the factory would accept it in the body too).
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
    return this.operations.send(PaymentOperations.update, { ...dto, id, idempotencyKey }, caller);
  }

  // Hand-written: Idempotency-Key only from the header (the factory would accept it as a query field too).
  @Delete(':id')
  @HttpCode(204)
  @ApiIdempotencyKey()
  @ApiOperation({ summary: 'Delete a manual payment and reopen what it paid (a Stripe payment is a 409: refund it)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404, 409, 422)
  async remove(@UuidParam() id: string, @IdempotencyKey() idempotencyKey: string | undefined, @RequestCaller() caller: Caller): Promise<void> {
    await this.operations.send(PaymentOperations.remove, { id, idempotencyKey }, caller);
  }

  // Hand-written: Idempotency-Key only from the header (the factory would accept it in the body too).
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
    return this.operations.send(PaymentOperations.refund, { ...dto, id, idempotencyKey }, caller);
  }

  // Hand-written: Idempotency-Key only from the header (the factory would accept it in the body too).
  @Post(':id/intent')
  @HttpCode(200)
  @ApiIdempotencyKey()
  @ApiOperation({ summary: 'Create (or return) the Stripe PaymentIntent of a pending payment' })
  @ApiOkResponse({ type: PaymentIntentView })
  @ApiProblems(404, 409, 422)
  intent(@UuidParam() id: string, @IdempotencyKey() idempotencyKey: string | undefined, @RequestCaller() caller: Caller): Promise<PaymentIntentView> {
    return this.operations.send(PaymentOperations.intent, { id, idempotencyKey }, caller);
  }
}
