import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  DeletePaymentRequest,
  IdPageRequest,
  IdRequest,
  OverdueChargeView,
  PaymentOperations,
  PaymentQueryDto,
  PaymentSummaryQueryDto,
  PaymentSummaryView,
  PaymentView,
  RecordPaymentRequest,
  RefundPaymentRequest,
  TenantOperations,
  UpdatePaymentRequest,
} from '@quartier/contracts-leasing';
import { OrgCaller, Page, PageQueryDto } from '@quartier/contracts-shared';
import { CurrentCaller, HandlesOperation } from '@quartier/messaging';
import { PaymentService } from './payment.service';

@Controller()
export class PaymentController {
  constructor(private readonly payments: PaymentService) {}

  @HandlesOperation(PaymentOperations.list)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: PaymentQueryDto): Promise<Page<PaymentView>> {
    return this.payments.list(caller, query);
  }

  @HandlesOperation(PaymentOperations.byTenant)
  byTenant(@CurrentCaller() caller: OrgCaller, @Payload() { id, ...query }: IdPageRequest): Promise<Page<PaymentView>> {
    return this.payments.forTenant(caller, id, query);
  }

  @HandlesOperation(TenantOperations.payments)
  ofTenant(@CurrentCaller() caller: OrgCaller, @Payload() { id, ...query }: IdPageRequest): Promise<Page<PaymentView>> {
    return this.payments.forTenant(caller, id, query);
  }

  @HandlesOperation(PaymentOperations.overdue)
  overdue(@CurrentCaller() caller: OrgCaller, @Payload() query: PageQueryDto): Promise<Page<OverdueChargeView>> {
    return this.payments.overdue(caller, query);
  }

  @HandlesOperation(PaymentOperations.summary)
  summary(@CurrentCaller() caller: OrgCaller, @Payload() query: PaymentSummaryQueryDto): Promise<PaymentSummaryView> {
    return this.payments.summary(caller, query);
  }

  @HandlesOperation(PaymentOperations.get)
  get(@CurrentCaller() caller: OrgCaller, @Payload() { id }: IdRequest): Promise<PaymentView> {
    return this.payments.get(caller, id);
  }

  @HandlesOperation(PaymentOperations.record)
  record(@CurrentCaller() caller: OrgCaller, @Payload() dto: RecordPaymentRequest): Promise<PaymentView> {
    return this.payments.record(caller, dto);
  }

  @HandlesOperation(PaymentOperations.update)
  update(@CurrentCaller() caller: OrgCaller, @Payload() { id, ...dto }: UpdatePaymentRequest): Promise<PaymentView> {
    return this.payments.update(caller, id, dto);
  }

  @HandlesOperation(PaymentOperations.remove)
  remove(@CurrentCaller() caller: OrgCaller, @Payload() { id }: DeletePaymentRequest): Promise<{ deleted: true }> {
    return this.payments.remove(caller, id);
  }

  @HandlesOperation(PaymentOperations.refund)
  refund(@CurrentCaller() caller: OrgCaller, @Payload() { id, ...dto }: RefundPaymentRequest): Promise<PaymentView> {
    return this.payments.refund(caller, id, dto);
  }
}
