import { ApiProperty } from '@nestjs/swagger';
import { INVOICE_STATUSES, InvoiceStatus } from './invoice.dto';
import { LEASE_STATUSES, LeaseRenewal, LeaseStatus, RENT_ADJUSTMENTS, RentAdjustment, RentStep, RentStepDto } from './lease.dto';
import { PAYMENT_METHODS, PAYMENT_STATUSES, PaymentMethod, PaymentStatus } from './payment.dto';
import { TENANT_STATUSES, TenantStatus } from './tenant.dto';
import { UTILITY_BILL_STATUSES, UTILITY_TYPES, UtilityBillStatus, UtilityType } from './utility.dto';

/** Response shapes of the leasing service: classes, so the gateway documents them in OpenAPI. */
const uuid = { format: 'uuid' } as const;
const uuidOrNull = { format: 'uuid', type: String, nullable: true } as const;
const textOrNull = { type: String, nullable: true } as const;
const dateOrNull = { type: String, format: 'date', nullable: true } as const;
const date = { format: 'date', example: '2026-03-01' } as const;
const dateTime = { format: 'date-time' } as const;
const dateTimeOrNull = { format: 'date-time', type: String, nullable: true } as const;
const cents = (description: string) => ({ type: 'integer', description }) as const;

class PageMeta {
  @ApiProperty({ example: 42 }) total!: number;
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 20 }) size!: number;
  @ApiProperty({ example: 3 }) pages!: number;
}

export class TenantView {
  @ApiProperty(uuid) id!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty(textOrNull) companyName!: string | null;
  @ApiProperty() email!: string;
  @ApiProperty(textOrNull) phone!: string | null;
  @ApiProperty({ enum: TENANT_STATUSES }) status!: TenantStatus;
  @ApiProperty({ ...uuidOrNull, description: 'User account of the resident' }) userId!: string | null;
  @ApiProperty(textOrNull) notes!: string | null;
  @ApiProperty(dateTime) createdAt!: string;
  @ApiProperty(dateTime) updatedAt!: string;
}

export class LeaseRenewalView {
  @ApiProperty(date) previousEndDate!: string;
  @ApiProperty(date) startDate!: string;
  @ApiProperty(date) endDate!: string;
  @ApiProperty(cents('Cold rent of the new term')) coldRentCents!: number;
  @ApiProperty(dateTime) renewedAt!: string;
}

export class LeaseView {
  @ApiProperty(uuid) id!: string;
  @ApiProperty(uuid) unitId!: string;
  @ApiProperty(uuid) tenantId!: string;
  @ApiProperty({ enum: LEASE_STATUSES }) status!: LeaseStatus;
  @ApiProperty(date) startDate!: string;
  @ApiProperty({ ...dateOrNull, description: 'Null for an open-ended lease' }) endDate!: string | null;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty(cents('Monthly cold rent')) coldRentCents!: number;
  @ApiProperty(cents('Monthly service-charge advance (Nebenkosten)')) serviceChargeCents!: number;
  @ApiProperty(cents('Monthly heating advance')) heatingCents!: number;
  @ApiProperty(cents('Deposit')) depositCents!: number;
  @ApiProperty({ minimum: 1, maximum: 28 }) dueDay!: number;
  @ApiProperty(cents('Late fee per overdue charge')) lateFeeCents!: number;
  @ApiProperty() graceDays!: number;
  @ApiProperty({ enum: RENT_ADJUSTMENTS }) rentAdjustment!: RentAdjustment;
  @ApiProperty({ type: [RentStepDto] }) rentSteps!: RentStep[];
  @ApiProperty({ type: [LeaseRenewalView] }) renewals!: LeaseRenewal[];
  @ApiProperty(dateOrNull) terminationDate!: string | null;
  @ApiProperty(textOrNull) terminationReason!: string | null;
  @ApiProperty(textOrNull) notes!: string | null;
  @ApiProperty(dateTime) createdAt!: string;
  @ApiProperty(dateTime) updatedAt!: string;
}

export class ChargeView {
  @ApiProperty(uuid) id!: string;
  @ApiProperty(uuid) leaseId!: string;
  @ApiProperty(uuid) tenantId!: string;
  @ApiProperty({ enum: ['rent', 'late_fee'] }) kind!: 'rent' | 'late_fee';
  @ApiProperty(date) periodStart!: string;
  @ApiProperty(date) periodEnd!: string;
  @ApiProperty(date) dueDate!: string;
  @ApiProperty(cents('Amount of the period (prorated for partial months)')) amountCents!: number;
  @ApiProperty(cents('Paid so far')) paidCents!: number;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ enum: ['open', 'partially_paid', 'paid'] }) status!: 'open' | 'partially_paid' | 'paid';
  @ApiProperty({ ...uuidOrNull, description: 'Set once invoiced; the schedule never changes it then' }) invoiceId!: string | null;
}

export class RentRunResult {
  @ApiProperty(date) asOf!: string;
  @ApiProperty() leases!: number;
  @ApiProperty() chargesCreated!: number;
  @ApiProperty() chargesUpdated!: number;
  @ApiProperty() chargesRemoved!: number;
  @ApiProperty() lateFeesCreated!: number;
}

export class LifecycleRunResult {
  @ApiProperty(date) asOf!: string;
  @ApiProperty() activated!: number;
  @ApiProperty() expired!: number;
}

export class PaymentAllocationView {
  @ApiProperty(uuid) chargeId!: string;
  @ApiProperty(cents('Allocated to the charge')) amountCents!: number;
}

export class PaymentView {
  @ApiProperty(uuid) id!: string;
  @ApiProperty(uuid) tenantId!: string;
  @ApiProperty(uuidOrNull) leaseId!: string | null;
  @ApiProperty(cents('Amount paid')) amountCents!: number;
  @ApiProperty(cents('Refunded so far')) refundedCents!: number;
  @ApiProperty(cents('Credit not allocated to any charge')) unallocatedCents!: number;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ enum: PAYMENT_METHODS }) method!: PaymentMethod;
  @ApiProperty({ enum: PAYMENT_STATUSES }) status!: PaymentStatus;
  @ApiProperty(date) paidOn!: string;
  @ApiProperty(textOrNull) reference!: string | null;
  @ApiProperty(textOrNull) notes!: string | null;
  @ApiProperty(textOrNull) stripePaymentIntentId!: string | null;
  @ApiProperty({ type: [PaymentAllocationView] }) allocations!: PaymentAllocationView[];
  @ApiProperty(dateTime) createdAt!: string;
}

export class OverdueChargeView {
  @ApiProperty(uuid) chargeId!: string;
  @ApiProperty(uuid) leaseId!: string;
  @ApiProperty(uuid) tenantId!: string;
  @ApiProperty({ enum: ['rent', 'late_fee'] }) kind!: 'rent' | 'late_fee';
  @ApiProperty(date) periodStart!: string;
  @ApiProperty(date) dueDate!: string;
  @ApiProperty() daysOverdue!: number;
  @ApiProperty(cents('Still owed')) outstandingCents!: number;
  @ApiProperty({ example: 'EUR' }) currency!: string;
}

export class PaymentTotalsView {
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty(cents('Payments received in the period')) collectedCents!: number;
  @ApiProperty(cents('Refunded of those payments')) refundedCents!: number;
  @ApiProperty(cents('Open charges due in the period, not yet overdue')) pendingCents!: number;
  @ApiProperty(cents('Open charges due in the period and past due')) overdueCents!: number;
}

export class PaymentSummaryView {
  @ApiProperty(date) from!: string;
  @ApiProperty(date) to!: string;
  @ApiProperty({ type: [PaymentTotalsView] }) totals!: PaymentTotalsView[];
}

export class PaymentIntentView {
  @ApiProperty(uuid) paymentId!: string;
  @ApiProperty({ example: 'pi_3Nf…' }) paymentIntentId!: string;
  @ApiProperty({ ...textOrNull, description: 'For Stripe.js on the client' }) clientSecret!: string | null;
  @ApiProperty({ example: 'requires_payment_method' }) status!: string;
  @ApiProperty(cents('Amount to collect')) amountCents!: number;
  @ApiProperty({ example: 'EUR' }) currency!: string;
}

export class StripeWebhookResult {
  @ApiProperty({ enum: [true] }) received!: true;
  @ApiProperty() eventId!: string;
  @ApiProperty() type!: string;
  @ApiProperty({ description: 'False when the event was seen before or is not one leasing acts on' }) handled!: boolean;
}

export class InvoiceLineView {
  @ApiProperty() description!: string;
  @ApiProperty(cents('Line amount')) amountCents!: number;
  @ApiProperty(uuidOrNull) chargeId!: string | null;
}

export class InvoiceView {
  @ApiProperty(uuid) id!: string;
  @ApiProperty({ example: '2026-000042', description: 'Gap-free per organization and year' }) number!: string;
  @ApiProperty(uuid) tenantId!: string;
  @ApiProperty(uuidOrNull) leaseId!: string | null;
  @ApiProperty({ enum: INVOICE_STATUSES }) status!: InvoiceStatus;
  @ApiProperty(date) issueDate!: string;
  @ApiProperty(date) dueDate!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty(cents('Sum of the lines')) totalCents!: number;
  @ApiProperty({ type: [InvoiceLineView] }) lines!: InvoiceLineView[];
  @ApiProperty(textOrNull) notes!: string | null;
  @ApiProperty(dateTimeOrNull) sentAt!: string | null;
  @ApiProperty(dateTimeOrNull) paidAt!: string | null;
  @ApiProperty({ ...textOrNull, description: 'Id in Invoice Ninja once synced' }) externalId!: string | null;
  @ApiProperty(dateTime) createdAt!: string;
}

/** A rendered PDF over NATS (base64); the gateway streams it as application/pdf. */
export class InvoicePdfView {
  @ApiProperty() filename!: string;
  @ApiProperty({ enum: ['application/pdf'] }) contentType!: 'application/pdf';
  @ApiProperty() base64!: string;
}

export class InvoiceSyncView {
  @ApiProperty() configured!: boolean;
  @ApiProperty() message!: string;
  @ApiProperty({ description: 'New invoices created in Invoice Ninja' }) pushed!: number;
  @ApiProperty({ description: 'Invoices whose status (sent, paid, void) was brought up to date in Invoice Ninja' }) statusesUpdated!: number;
  @ApiProperty({ description: 'Invoices that could not be pushed or updated; retried on the next sync' }) failed!: number;
}

export class UtilityBillView {
  @ApiProperty(uuid) id!: string;
  @ApiProperty(uuid) propertyId!: string;
  @ApiProperty(uuidOrNull) unitId!: string | null;
  @ApiProperty(uuidOrNull) providerId!: string | null;
  @ApiProperty({ enum: UTILITY_TYPES }) type!: UtilityType;
  @ApiProperty(date) periodStart!: string;
  @ApiProperty(date) periodEnd!: string;
  @ApiProperty({ type: Number, nullable: true }) consumption!: number | null;
  @ApiProperty(textOrNull) consumptionUnit!: string | null;
  @ApiProperty(cents('Bill amount')) amountCents!: number;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty(date) dueDate!: string;
  @ApiProperty({ enum: UTILITY_BILL_STATUSES }) status!: UtilityBillStatus;
  @ApiProperty(dateOrNull) paidOn!: string | null;
  @ApiProperty(textOrNull) notes!: string | null;
  @ApiProperty(dateTime) createdAt!: string;
}

export class UtilityProviderView {
  @ApiProperty(uuid) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: UTILITY_TYPES, isArray: true }) types!: UtilityType[];
  @ApiProperty(textOrNull) customerNumber!: string | null;
  @ApiProperty(textOrNull) email!: string | null;
  @ApiProperty(textOrNull) phone!: string | null;
  @ApiProperty(textOrNull) website!: string | null;
  @ApiProperty(dateTime) createdAt!: string;
}

export class UsageRowView {
  @ApiProperty(uuid) propertyId!: string;
  @ApiProperty({ enum: UTILITY_TYPES }) type!: UtilityType;
  @ApiProperty({ ...date, description: 'First day of the month' }) month!: string;
  @ApiProperty() consumption!: number;
  @ApiProperty(cents('Cost in the month')) costCents!: number;
  @ApiProperty() bills!: number;
  @ApiProperty({ type: Number, nullable: true }) previousCostCents!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Percent against the previous month' }) costChangePercent!: number | null;
  @ApiProperty({ type: Number, nullable: true }) previousConsumption!: number | null;
  @ApiProperty({ type: Number, nullable: true }) consumptionChangePercent!: number | null;
}

export class UsageAnalyticsView {
  @ApiProperty(date) from!: string;
  @ApiProperty(date) to!: string;
  @ApiProperty({ type: [UsageRowView] }) rows!: UsageRowView[];
}

export class ForecastPointView {
  @ApiProperty(date) month!: string;
  @ApiProperty(cents('Expected cost')) expectedCents!: number;
  @ApiProperty(cents('Low end of the ~95% range')) lowCents!: number;
  @ApiProperty(cents('High end of the ~95% range')) highCents!: number;
}

export class ForecastSeriesView {
  @ApiProperty(uuid) propertyId!: string;
  @ApiProperty({ enum: UTILITY_TYPES }) type!: UtilityType;
  @ApiProperty({ description: 'Months of history the forecast is fitted on (up to 12)' }) basedOnMonths!: number;
  @ApiProperty({ type: [ForecastPointView] }) forecast!: ForecastPointView[];
}

export class CostForecastView {
  @ApiProperty() months!: number;
  @ApiProperty({ type: [ForecastSeriesView] }) series!: ForecastSeriesView[];
}

/** A delete's answer on the bus; the gateway answers 204 without a body. */
export class DeletedView {
  @ApiProperty({ enum: [true] }) deleted!: true;
}

export class TenantPageView extends PageMeta {
  @ApiProperty({ type: [TenantView] }) items!: TenantView[];
}
export class LeasePageView extends PageMeta {
  @ApiProperty({ type: [LeaseView] }) items!: LeaseView[];
}
export class ChargePageView extends PageMeta {
  @ApiProperty({ type: [ChargeView] }) items!: ChargeView[];
}
export class PaymentPageView extends PageMeta {
  @ApiProperty({ type: [PaymentView] }) items!: PaymentView[];
}
export class OverdueChargePageView extends PageMeta {
  @ApiProperty({ type: [OverdueChargeView] }) items!: OverdueChargeView[];
}
export class InvoicePageView extends PageMeta {
  @ApiProperty({ type: [InvoiceView] }) items!: InvoiceView[];
}
export class UtilityBillPageView extends PageMeta {
  @ApiProperty({ type: [UtilityBillView] }) items!: UtilityBillView[];
}
export class UtilityProviderPageView extends PageMeta {
  @ApiProperty({ type: [UtilityProviderView] }) items!: UtilityProviderView[];
}
