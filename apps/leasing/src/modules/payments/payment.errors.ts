import { LeasingErrorCode } from '@quartier/contracts-leasing';
import { notFound, rpcError } from '@quartier/messaging';

export const paymentNotFound = (id: string) => notFound('Payment', id);

export const stripePaymentNotDeletable = (id: string) =>
  rpcError(409, LeasingErrorCode.STRIPE_PAYMENT_NOT_DELETABLE, `Payment ${id} was made through Stripe; refund it instead of deleting it`);

export const refundTooLarge = (refundable: number) =>
  rpcError(422, LeasingErrorCode.REFUND_EXCEEDS_PAYMENT, `At most ${refundable} cents can still be refunded`, { refundableCents: refundable });

export const paymentNotRefundable = (status: string) =>
  rpcError(409, LeasingErrorCode.PAYMENT_NOT_PAYABLE, `A ${status} payment cannot be refunded`, { status });
