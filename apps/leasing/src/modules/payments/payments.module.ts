import { Module } from '@nestjs/common';
import { LeasingCoreModule } from '../leasing.module';
import { Idempotency } from './idempotency';
import { PaymentController } from './payment.controller';
import { PaymentService } from './payment.service';

@Module({
  imports: [LeasingCoreModule],
  controllers: [PaymentController],
  providers: [PaymentService, Idempotency],
  exports: [PaymentService, Idempotency],
})
export class PaymentsModule {}
