import { DynamicModule, Module } from '@nestjs/common';
import { LeasingCoreModule } from '../leasing.module';
import { PaymentController } from './payment.controller';
import { PaymentService } from './payment.service';
import { STRIPE_SETTINGS, StripeClient, StripeSettings } from './stripe-client';
import { StripeController } from './stripe.controller';
import { StripePaymentsService } from './stripe-payments.service';

@Module({})
export class PaymentsModule {
  static forRoot(stripe: StripeSettings): DynamicModule {
    return {
      module: PaymentsModule,
      global: true,
      imports: [LeasingCoreModule],
      controllers: [PaymentController, StripeController],
      providers: [PaymentService, StripeClient, StripePaymentsService, { provide: STRIPE_SETTINGS, useValue: stripe }],
      exports: [PaymentService],
    };
  }
}
