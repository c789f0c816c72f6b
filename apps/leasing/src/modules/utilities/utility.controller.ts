import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  CostForecastQueryDto,
  CostForecastView,
  CreateUtilityBillDto,
  CreateUtilityProviderDto,
  IdRequest,
  PayUtilityBillRequest,
  PropertyBillsRequest,
  UpdateUtilityBillRequest,
  UpdateUtilityProviderRequest,
  UsageAnalyticsQueryDto,
  UsageAnalyticsView,
  UtilityBillQueryDto,
  UtilityBillView,
  UtilityOperations,
  UtilityProviderView,
} from '@quartier/contracts-leasing';
import { OrgCaller, Page, PageQueryDto } from '@quartier/contracts-shared';
import { CurrentCaller, HandlesOperation } from '@quartier/messaging';
import { UtilityService } from './utility.service';

@Controller()
export class UtilityController {
  constructor(private readonly utilities: UtilityService) {}

  @HandlesOperation(UtilityOperations.bills)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: UtilityBillQueryDto): Promise<Page<UtilityBillView>> {
    return this.utilities.list(caller, query);
  }

  @HandlesOperation(UtilityOperations.billsByProperty)
  byProperty(@CurrentCaller() caller: OrgCaller, @Payload() { id, ...query }: PropertyBillsRequest): Promise<Page<UtilityBillView>> {
    return this.utilities.byProperty(caller, id, query);
  }

  @HandlesOperation(UtilityOperations.overdueBills)
  overdue(@CurrentCaller() caller: OrgCaller, @Payload() query: PageQueryDto): Promise<Page<UtilityBillView>> {
    return this.utilities.overdue(caller, query);
  }

  @HandlesOperation(UtilityOperations.bill)
  get(@CurrentCaller() caller: OrgCaller, @Payload() { id }: IdRequest): Promise<UtilityBillView> {
    return this.utilities.get(caller, id);
  }

  @HandlesOperation(UtilityOperations.createBill)
  create(@CurrentCaller() caller: OrgCaller, @Payload() dto: CreateUtilityBillDto): Promise<UtilityBillView> {
    return this.utilities.create(caller, dto);
  }

  @HandlesOperation(UtilityOperations.updateBill)
  update(@CurrentCaller() caller: OrgCaller, @Payload() { id, ...dto }: UpdateUtilityBillRequest): Promise<UtilityBillView> {
    return this.utilities.update(caller, id, dto);
  }

  @HandlesOperation(UtilityOperations.removeBill)
  async remove(@CurrentCaller() caller: OrgCaller, @Payload() { id }: IdRequest): Promise<{ deleted: true }> {
    await this.utilities.remove(caller, id);
    return { deleted: true };
  }

  @HandlesOperation(UtilityOperations.payBill)
  pay(@CurrentCaller() caller: OrgCaller, @Payload() { id, ...dto }: PayUtilityBillRequest): Promise<UtilityBillView> {
    return this.utilities.pay(caller, id, dto);
  }

  @HandlesOperation(UtilityOperations.usageAnalytics)
  analytics(@CurrentCaller() caller: OrgCaller, @Payload() query: UsageAnalyticsQueryDto): Promise<UsageAnalyticsView> {
    return this.utilities.analytics(caller, query);
  }

  @HandlesOperation(UtilityOperations.costForecast)
  forecast(@CurrentCaller() caller: OrgCaller, @Payload() query: CostForecastQueryDto): Promise<CostForecastView> {
    return this.utilities.forecast(caller, query);
  }

  @HandlesOperation(UtilityOperations.providers)
  providers(@CurrentCaller() caller: OrgCaller, @Payload() query: PageQueryDto): Promise<Page<UtilityProviderView>> {
    return this.utilities.listProviders(caller, query);
  }

  @HandlesOperation(UtilityOperations.provider)
  provider(@CurrentCaller() caller: OrgCaller, @Payload() { id }: IdRequest): Promise<UtilityProviderView> {
    return this.utilities.getProvider(caller, id);
  }

  @HandlesOperation(UtilityOperations.createProvider)
  createProvider(@CurrentCaller() caller: OrgCaller, @Payload() dto: CreateUtilityProviderDto): Promise<UtilityProviderView> {
    return this.utilities.createProvider(caller, dto);
  }

  @HandlesOperation(UtilityOperations.updateProvider)
  updateProvider(@CurrentCaller() caller: OrgCaller, @Payload() { id, ...dto }: UpdateUtilityProviderRequest): Promise<UtilityProviderView> {
    return this.utilities.updateProvider(caller, id, dto);
  }

  @HandlesOperation(UtilityOperations.removeProvider)
  async removeProvider(@CurrentCaller() caller: OrgCaller, @Payload() { id }: IdRequest): Promise<{ deleted: true }> {
    await this.utilities.removeProvider(caller, id);
    return { deleted: true };
  }
}
