import { randomUUID } from 'node:crypto';
import { Server } from 'node:http';
import Stripe from 'stripe';
import { LeaseOperations, LeaseView, PaymentOperations, PaymentView, StripeWebhookResult, TenantOperations } from '@quartier/contracts-leasing';
import { AnyOperation, Caller, OrgCaller, RequestOf, ResponseOf } from '@quartier/contracts-shared';
import { OperationClient } from '@quartier/messaging';
import { TestStack, startTestStack, testCaller } from '@quartier/testing';
import { leasingService } from '../src/leasing.service-app';
import { addMonths, monthStart, todayIn } from '../src/modules/shared/iso-date';
import { StripeCall, startFakeStripe } from './fake-stripe';
import { failure, fakePortfolioUnits } from './support';

const WEBHOOK_SECRET = 'whsec_test_secret';

describe('leasing: Stripe payments and webhooks', () => {
  let stack: TestStack;
  let stripeServer: Server;
  let calls: StripeCall[];
  const organizationId = randomUUID();
  const owner: OrgCaller = testCaller(organizationId);
  const units = new Map<string, { propertyId: string }>();
  const today = todayIn('Europe/Berlin');

  beforeAll(async () => {
    const fake = await startFakeStripe();
    stripeServer = fake.server;
    calls = fake.calls;
    stack = await startTestStack([], { RENT_JOB_INTERVAL_MS: '0', STRIPE_SECRET_KEY: 'sk_test_local', STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_URL: fake.url });
    fakePortfolioUnits(stack.nats, stack.prefix, units);
    await stack.start(leasingService);
  });
  afterAll(async () => {
    await stack.teardown();
    await new Promise((resolve) => stripeServer.close(resolve));
  });

  const call = <Operation extends AnyOperation>(operation: Operation, payload: RequestOf<Operation>, caller: Caller = owner): Promise<ResponseOf<Operation>> =>
    new OperationClient(stack.rpc).send(operation, payload, caller);

  /** What the gateway forwards: the raw body byte for byte and Stripe's signature header. */
  function webhook(event: Record<string, unknown>, secret = WEBHOOK_SECRET): Promise<StripeWebhookResult> {
    const payload = JSON.stringify(event, null, 2);
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret });
    return call(PaymentOperations.stripeWebhook, { rawBody: Buffer.from(payload).toString('base64'), signature }, { requestId: 'stripe', roles: [], scopes: [] });
  }
  const intentEvent = (type: string, intentId: string) => ({ id: `evt_${randomUUID()}`, object: 'event', type, data: { object: { id: intentId, object: 'payment_intent' } } });

  async function pendingStripePayment(email: string): Promise<{ lease: LeaseView; payment: PaymentView }> {
    const tenant = await call(TenantOperations.create, { firstName: 'S', lastName: 'T', email });
    const unitId = randomUUID();
    units.set(unitId, { propertyId: randomUUID() });
    const created = await call(LeaseOperations.create, { unitId, tenantId: tenant.id, startDate: addMonths(monthStart(today), -1), coldRentCents: 50_000 });
    const lease = await call(LeaseOperations.activate, { id: created.id });
    const payment = await call(PaymentOperations.record, { tenantId: tenant.id, amountCents: 75_000, method: 'stripe', paidOn: today });
    return { lease, payment };
  }

  it('creates one PaymentIntent per payment through the stripe client, with an idempotency key', async () => {
    const { payment } = await pendingStripePayment('intent@example.com');
    expect(payment).toMatchObject({ status: 'pending', allocations: [] });
    const intent = await call(PaymentOperations.intent, { id: payment.id });
    expect(intent).toMatchObject({ paymentId: payment.id, amountCents: 75_000, currency: 'EUR', status: 'requires_payment_method' });
    expect(intent.clientSecret).toMatch(/^pi_.+_secret_/);
    const again = await call(PaymentOperations.intent, { id: payment.id });
    expect(again.paymentIntentId).toBe(intent.paymentIntentId);
    const sent = calls.filter((c) => c.path === '/v1/payment_intents');
    expect(sent.at(-1)).toMatchObject({ idempotencyKey: `payment-intent-${payment.id}`, authorization: 'Bearer sk_test_local' });
    expect(sent.at(-1)?.form.get('amount')).toBe('75000');
    expect(sent.at(-1)?.form.get('currency')).toBe('eur');
    expect(sent.at(-1)?.form.get('metadata[paymentId]')).toBe(payment.id);
  });

  it('rejects a webhook whose signature does not match the raw body (400)', async () => {
    expect(await failure(webhook(intentEvent('payment_intent.succeeded', 'pi_x'), 'whsec_wrong'))).toMatchObject({ status: 400, code: 'STRIPE_SIGNATURE_INVALID' });
    const payload = JSON.stringify(intentEvent('payment_intent.succeeded', 'pi_x'));
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
    const tampered = Buffer.from(payload.replace('pi_x', 'pi_y')).toString('base64');
    expect(await failure(call(PaymentOperations.stripeWebhook, { rawBody: tampered, signature }))).toMatchObject({ status: 400 });
  });

  it('marks the payment paid on payment_intent.succeeded, once, and allocates it to the oldest charges', async () => {
    const { lease, payment } = await pendingStripePayment('paid@example.com');
    const intent = await call(PaymentOperations.intent, { id: payment.id });
    const event = intentEvent('payment_intent.succeeded', intent.paymentIntentId);
    expect(await webhook(event)).toMatchObject({ received: true, handled: true });
    expect(await webhook(event)).toMatchObject({ received: true, handled: false });
    const paid = await call(PaymentOperations.get, { id: payment.id });
    expect(paid.status).toBe('completed');
    expect(paid.allocations.reduce((sum, a) => sum + a.amountCents, 0)).toBe(75_000);
    const charges = (await call(LeaseOperations.charges, { id: lease.id })).items;
    expect(charges[0].status).toBe('paid');
    expect(await failure(call(PaymentOperations.remove, { id: payment.id }))).toMatchObject({ status: 409, code: 'STRIPE_PAYMENT_NOT_DELETABLE' });
  });

  it('refunds through Stripe, and the charge.refunded webhook does not refund twice', async () => {
    const { payment } = await pendingStripePayment('refund@example.com');
    const intent = await call(PaymentOperations.intent, { id: payment.id });
    await webhook(intentEvent('payment_intent.succeeded', intent.paymentIntentId));
    const refunded = await call(PaymentOperations.refund, { id: payment.id, amountCents: 25_000 });
    expect(refunded).toMatchObject({ status: 'partially_refunded', refundedCents: 25_000 });
    const refundCall = calls.filter((c) => c.path === '/v1/refunds').at(-1);
    expect(refundCall?.form.get('payment_intent')).toBe(intent.paymentIntentId);
    expect(refundCall?.form.get('amount')).toBe('25000');
    const chargeEvent = (amountRefunded: number) => ({
      id: `evt_${randomUUID()}`,
      object: 'event',
      type: 'charge.refunded',
      data: { object: { id: 'ch_1', object: 'charge', payment_intent: intent.paymentIntentId, amount_refunded: amountRefunded } },
    });
    expect(await webhook(chargeEvent(25_000))).toMatchObject({ handled: false });
    // A further refund made in the Stripe dashboard arrives only by webhook.
    expect(await webhook(chargeEvent(75_000))).toMatchObject({ handled: true });
    expect(await call(PaymentOperations.get, { id: payment.id })).toMatchObject({ status: 'refunded', refundedCents: 75_000 });
  });

  it('marks the payment failed on payment_intent.payment_failed and refuses to refund it', async () => {
    const { payment } = await pendingStripePayment('failed@example.com');
    const intent = await call(PaymentOperations.intent, { id: payment.id });
    await webhook(intentEvent('payment_intent.payment_failed', intent.paymentIntentId));
    expect((await call(PaymentOperations.get, { id: payment.id })).status).toBe('failed');
    expect(await failure(call(PaymentOperations.refund, { id: payment.id }))).toMatchObject({ status: 409 });
  });
});
