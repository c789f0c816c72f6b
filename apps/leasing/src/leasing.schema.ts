import { InboxEntity, OutboxEntity } from '@quartier/db';
import { Initial1763800000000 } from './migrations/1763800000000-initial.migration';
import { Invoices1763800000001 } from './migrations/1763800000001-invoices.migration';
import { StripeEvents1763800000002 } from './migrations/1763800000002-stripe-events.migration';
import { Utilities1763800000003 } from './migrations/1763800000003-utilities.migration';
import { InvoiceNinja1763800000004 } from './migrations/1763800000004-invoice-ninja.migration';
import { IdempotencyFingerprint1763800000005 } from './migrations/1763800000005-idempotency-fingerprint.migration';
import { InvoiceNinjaStatus1763800000006 } from './migrations/1763800000006-invoice-ninja-status.migration';
import { InvoiceEntity } from './modules/invoices/invoice.entity';
import { LeaseEntity } from './modules/leases/lease.entity';
import { PaymentAllocationEntity, PaymentEntity } from './modules/payments/payment.entity';
import { ChargeEntity } from './modules/rent/charge.entity';
import { TenantEntity } from './modules/tenants/tenant.entity';
import { UtilityBillEntity, UtilityProviderEntity } from './modules/utilities/utility.entity';
import { IdempotencyRecords1796700000000 } from './migrations/1796700000000-idempotency-records.migration';

/** Every entity and migration of the leasing schema, shared by the app, the migrate CLI and the bench. */
export const LEASING_ENTITIES = [TenantEntity, LeaseEntity, ChargeEntity, PaymentEntity, PaymentAllocationEntity, InvoiceEntity, UtilityBillEntity, UtilityProviderEntity, OutboxEntity, InboxEntity];
export const LEASING_MIGRATIONS = [Initial1763800000000, Invoices1763800000001, StripeEvents1763800000002, Utilities1763800000003, InvoiceNinja1763800000004, IdempotencyFingerprint1763800000005, InvoiceNinjaStatus1763800000006, IdempotencyRecords1796700000000];
