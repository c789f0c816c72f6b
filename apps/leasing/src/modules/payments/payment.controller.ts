import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  DeletePaymentRequest,
  IdPageRequest,
  IdRequest,
  LeasingSubjects,
  OverdueChargeView,
  PaymentQueryDto,
  PaymentSummaryQueryDto,
  PaymentSummaryView,
  PaymentView,
  RecordPaymentRequest,
  RefundPaymentRequest,
  UpdatePaymentRequest,
} from '@quartier/contracts-leasing';
import { OrgCaller, Page, PageQueryDto } from '@quartier/contracts-shared';
import { CurrentCaller } from '@quartier/messaging';
import { PaymentService } from './payment.service';

@Controller()
export class PaymentController {
  constructor(private readonly payments: PaymentService) {}

  @MessagePattern(LeasingSubjects.paymentsList)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: PaymentQueryDto): Promise<Page<PaymentView>> {
    return this.payments.list(caller, query);
  }

  @MessagePattern(LeasingSubjects.paymentsByTenant)
  byTenant(@CurrentCaller() caller: OrgCaller, @Payload() { id, ...query }: IdPageRequest): Promise<Page<PaymentView>> {
    return this.payments.forTenant(caller, id, query);
  }

  @MessagePattern(LeasingSubjects.tenantsPayments)
  ofTenant(@CurrentCaller() caller: OrgCaller, @Payload() { id, ...query }: IdPageRequest): Promise<Page<PaymentView>> {
    return this.payments.forTenant(caller, id, query);
  }

  @MessagePattern(LeasingSubjects.paymentsOverdue)
  overdue(@CurrentCaller() caller: OrgCaller, @Payload() query: PageQueryDto): Promise<Page<OverdueChargeView>> {
    return this.payments.overdue(caller, query);
  }

  @MessagePattern(LeasingSubjects.paymentsSummary)
  summary(@CurrentCaller() caller: OrgCaller, @Payload() query: PaymentSummaryQueryDto): Promise<PaymentSummaryView> {
    return this.payments.summary(caller, query);
  }

  @MessagePattern(LeasingSubjects.paymentsGet)
  get(@CurrentCaller() caller: OrgCaller, @Payload() { id }: IdRequest): Promise<PaymentView> {
    return this.payments.get(caller, id);
  }

  @MessagePattern(LeasingSubjects.paymentsCreate)
  record(@CurrentCaller() caller: OrgCaller, @Payload() { idempotencyKey, ...dto }: RecordPaymentRequest): Promise<PaymentView> {
    return this.payments.record(caller, dto, idempotencyKey);
  }

  @MessagePattern(LeasingSubjects.paymentsUpdate)
  update(@CurrentCaller() caller: OrgCaller, @Payload() { id, idempotencyKey, ...dto }: UpdatePaymentRequest): Promise<PaymentView> {
    return this.payments.update(caller, id, dto, idempotencyKey);
  }

  @MessagePattern(LeasingSubjects.paymentsDelete)
  remove(@CurrentCaller() caller: OrgCaller, @Payload() { id, idempotencyKey }: DeletePaymentRequest): Promise<{ deleted: true }> {
    return this.payments.remove(caller, id, idempotencyKey);
  }

  @MessagePattern(LeasingSubjects.paymentsRefund)
  refund(@CurrentCaller() caller: OrgCaller, @Payload() { id, idempotencyKey, ...dto }: RefundPaymentRequest): Promise<PaymentView> {
    return this.payments.refund(caller, id, dto, idempotencyKey);
  }
}
