import { BadRequestException, Controller, Get, Headers, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { Public } from '@quartier/auth';
import { PaymentOperations, PaymentPageView, StripeWebhookResult } from '@quartier/contracts-leasing';
import { Caller, PageQueryDto } from '@quartier/contracts-shared';
import { OperationClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems, ApiPublicProblems } from '../../platform/api-docs';
import { UuidParam } from '../../platform/validation';
import { RequestCaller } from '../../security/caller.decorator';
import { stripeRawBody } from './stripe-raw-body';

/** The /payments routes operationController cannot build; the others are generated in leasing.module.ts. */
@ApiTags('payments')
@ApiAuthenticated()
@Controller('payments')
export class PaymentsController {
  constructor(private readonly operations: OperationClient) {}

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
}
