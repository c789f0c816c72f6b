import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  PaymentIntentRequest,
  PaymentIntentView,
  PaymentOperations,
  StripeWebhookRequest,
  StripeWebhookResult,
} from '@quartier/contracts-leasing';
import { OrgCaller } from '@quartier/contracts-shared';
import { CurrentCaller, HandlesOperation } from '@quartier/messaging';
import { StripePaymentsService } from './stripe-payments.service';

@Controller()
export class StripeController {
  constructor(private readonly stripe: StripePaymentsService) {}

  @HandlesOperation(PaymentOperations.intent)
  intent(@CurrentCaller() caller: OrgCaller, @Payload() { id }: PaymentIntentRequest): Promise<PaymentIntentView> {
    return this.stripe.createIntent(caller, id);
  }

  /** Anonymous: Stripe calls the gateway; the signature over the raw body is the authentication. */
  @HandlesOperation(PaymentOperations.stripeWebhook)
  webhook(@Payload() dto: StripeWebhookRequest): Promise<StripeWebhookResult> {
    return this.stripe.handleWebhook(Buffer.from(dto.rawBody, 'base64'), dto.signature);
  }
}
