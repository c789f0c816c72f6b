import { Injectable, Logger } from '@nestjs/common';
import Stripe from 'stripe';
import { DataSource, EntityManager } from 'typeorm';
import { LeasingErrorCode, PaymentIntentView, StripeWebhookResult } from '@quartier/contracts-leasing';
import { OrgCaller } from '@quartier/contracts-shared';
import { rpcError } from '@quartier/messaging';
import { PaymentEntity } from './payment.entity';
import { PaymentService } from './payment.service';
import { StripeClient } from './stripe-client';

/**
 * Collecting a pending payment through Stripe: a PaymentIntent per payment (Stripe's own
 * idempotency key makes a retry return the same intent) and the webhook that settles it.
 */
@Injectable()
export class StripePaymentsService {
  private readonly logger = new Logger('StripePayments');

  constructor(
    private readonly dataSource: DataSource,
    private readonly payments: PaymentService,
    private readonly stripe: StripeClient,
  ) {}

  createIntent(caller: OrgCaller, id: string): Promise<PaymentIntentView> {
    return this.dataSource.transaction(async (manager) => {
      const payment = await this.payments.require(caller, id, manager);
      if (payment.status !== 'pending') {
        throw rpcError(409, LeasingErrorCode.PAYMENT_NOT_PAYABLE, `Only a pending payment can be collected through Stripe; this one is ${payment.status}`);
      }
      const intent = await this.stripe.createPaymentIntent(
        {
          amount: payment.amountCents,
          currency: payment.currency.toLowerCase(),
          automatic_payment_methods: { enabled: true },
          metadata: { organizationId: payment.organizationId, paymentId: payment.id, tenantId: payment.tenantId },
        },
        `payment-intent-${payment.id}`,
      );
      payment.stripePaymentIntentId = intent.id;
      payment.method = 'stripe';
      await manager.save(payment);
      return {
        paymentId: payment.id,
        paymentIntentId: intent.id,
        clientSecret: intent.client_secret,
        status: intent.status,
        amountCents: payment.amountCents,
        currency: payment.currency,
      };
    });
  }

  /** Verifies, then handles each Stripe event once: succeeded → completed and allocated, failed, refunded. */
  async handleWebhook(rawBody: Buffer, signature: string): Promise<StripeWebhookResult> {
    const event = this.stripe.verifyWebhook(rawBody, signature);
    const handled = await this.dataSource.transaction(async (manager) => {
      const first: unknown[] = await manager.query(
        'INSERT INTO stripe_events (event_id, type) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id',
        [event.id, event.type],
      );
      if (first.length === 0) return false;
      return this.apply(manager, event);
    });
    return { received: true, eventId: event.id, type: event.type, handled };
  }

  private async apply(manager: EntityManager, event: Stripe.Event): Promise<boolean> {
    switch (event.type) {
      case 'payment_intent.succeeded':
        return this.settle(manager, event.data.object.id, async (payment) => {
          if (payment.status !== 'pending' && payment.status !== 'failed') return false;
          payment.status = 'completed';
          await manager.save(payment);
          await this.payments.allocateIn(manager, payment);
          return true;
        });
      case 'payment_intent.payment_failed':
        return this.settle(manager, event.data.object.id, async (payment) => {
          if (payment.status !== 'pending') return false;
          payment.status = 'failed';
          await manager.save(payment);
          return true;
        });
      case 'charge.refunded': {
        const charge = event.data.object;
        const intentId = typeof charge.payment_intent === 'string' ? charge.payment_intent : charge.payment_intent?.id;
        if (!intentId) return false;
        return this.settle(manager, intentId, async (payment) => {
          // Stripe reports the cumulative refund; refunds made through our API are already applied.
          const delta = Math.min(charge.amount_refunded, payment.amountCents) - payment.refundedCents;
          if (delta <= 0) return false;
          await this.payments.refundIn(manager, payment, delta);
          await manager.save(payment);
          return true;
        });
      }
      default:
        return false;
    }
  }

  private async settle(manager: EntityManager, paymentIntentId: string, change: (payment: PaymentEntity) => Promise<boolean>): Promise<boolean> {
    // The intent id is unique across organizations; the payment row carries its organization.
    const payment = await manager
      .getRepository(PaymentEntity)
      .createQueryBuilder('p')
      .where('p.stripe_payment_intent_id = :paymentIntentId', { paymentIntentId })
      .setLock('pessimistic_write')
      .getOne();
    if (!payment) {
      this.logger.warn(`Stripe event for unknown PaymentIntent ${paymentIntentId}`);
      return false;
    }
    return change(payment);
  }
}
