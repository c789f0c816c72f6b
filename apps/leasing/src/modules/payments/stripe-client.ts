import { Inject, Injectable } from '@nestjs/common';
import Stripe from 'stripe';
import { LeasingErrorCode } from '@quartier/contracts-leasing';
import { rpcError } from '@quartier/messaging';

export const STRIPE_SETTINGS = Symbol('STRIPE_SETTINGS');

export interface StripeSettings {
  secretKey?: string;
  webhookSecret?: string;
  /** Base URL override (local Stripe stand-in in tests and development). */
  apiUrl?: string;
}

/** The official Stripe client, configured once; unset keys answer 503 naming the variable. */
@Injectable()
export class StripeClient {
  private readonly stripe?: Stripe;

  constructor(@Inject(STRIPE_SETTINGS) private readonly settings: StripeSettings) {
    if (settings.secretKey) {
      const url = settings.apiUrl ? new URL(settings.apiUrl) : undefined;
      this.stripe = new Stripe(settings.secretKey, {
        maxNetworkRetries: 2,
        timeout: 10_000,
        ...(url ? { host: url.hostname, port: url.port || (url.protocol === 'https:' ? 443 : 80), protocol: url.protocol === 'https:' ? 'https' : 'http' } : {}),
      });
    }
  }

  async createPaymentIntent(params: Stripe.PaymentIntentCreateParams, idempotencyKey: string): Promise<Stripe.PaymentIntent> {
    return this.call(() => this.client().paymentIntents.create(params, { idempotencyKey }));
  }

  async refund(paymentIntentId: string, amountCents: number, idempotencyKey: string): Promise<Stripe.Refund> {
    return this.call(() => this.client().refunds.create({ payment_intent: paymentIntentId, amount: amountCents }, { idempotencyKey }));
  }

  /** Verifies the signature over the exact raw body; anything else is a 400. */
  verifyWebhook(rawBody: Buffer, signature: string): Stripe.Event {
    if (!this.settings.webhookSecret) throw rpcError(503, LeasingErrorCode.STRIPE_NOT_CONFIGURED, 'Stripe webhooks are not configured: set STRIPE_WEBHOOK_SECRET');
    try {
      return Stripe.webhooks.constructEvent(rawBody, signature, this.settings.webhookSecret);
    } catch {
      throw rpcError(400, LeasingErrorCode.STRIPE_SIGNATURE_INVALID, 'The Stripe signature does not match the body');
    }
  }

  private client(): Stripe {
    if (!this.stripe) throw rpcError(503, LeasingErrorCode.STRIPE_NOT_CONFIGURED, 'Stripe is not configured: set STRIPE_SECRET_KEY');
    return this.stripe;
  }

  private async call<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof Stripe.errors.StripeError) {
        throw rpcError(502, LeasingErrorCode.STRIPE_FAILED, `Stripe refused the request: ${error.message}`, { stripeCode: error.code ?? null });
      }
      throw error;
    }
  }
}
