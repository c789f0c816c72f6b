import { FastifyRequest } from 'fastify';
import { rawJsonBody } from '../../platform/json-body';

export const STRIPE_WEBHOOK_PATH = '/api/v1/payments/webhooks/stripe';

/** Stripe signs the raw body; parsed and re-serialised JSON would not match, so this route keeps it. */
export function isStripeWebhook(request: FastifyRequest): boolean {
  return request.url.split('?')[0] === STRIPE_WEBHOOK_PATH;
}

/** The exact bytes Stripe signed, read within the body limit by the gateway's JSON parser. */
export function stripeRawBody(request: FastifyRequest): Buffer | undefined {
  return isStripeWebhook(request) ? rawJsonBody(request) : undefined;
}
