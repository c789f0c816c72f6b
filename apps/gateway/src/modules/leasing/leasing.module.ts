import { Module } from '@nestjs/common';
import { InvoicesController } from './invoices.controller';
import { LeasesController } from './leases.controller';
import { PaymentsController } from './payments.controller';
import { StripeRawBodyCapture } from './stripe-raw-body';
import { TenantsController } from './tenants.controller';
import { UtilitiesController } from './utilities.controller';

/** /api/v1 routes of the leasing service: tenants, leases, payments (+ Stripe webhook), invoices, utilities. */
@Module({
  controllers: [TenantsController, LeasesController, PaymentsController, InvoicesController, UtilitiesController],
  providers: [StripeRawBodyCapture],
})
export class LeasingRoutesModule {}
