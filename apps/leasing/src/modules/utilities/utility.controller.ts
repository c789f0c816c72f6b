import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CostForecastQueryDto,
  CostForecastView,
  CreateUtilityBillDto,
  CreateUtilityProviderDto,
  IdRequest,
  LeasingSubjects,
  PayUtilityBillRequest,
  PropertyBillsRequest,
  UpdateUtilityBillRequest,
  UpdateUtilityProviderRequest,
  UsageAnalyticsQueryDto,
  UsageAnalyticsView,
  UtilityBillQueryDto,
  UtilityBillView,
  UtilityProviderView,
} from '@quartier/contracts-leasing';
import { OrgCaller, Page, PageQueryDto } from '@quartier/contracts-shared';
import { CurrentCaller } from '@quartier/messaging';
import { UtilityService } from './utility.service';

@Controller()
export class UtilityController {
  constructor(private readonly utilities: UtilityService) {}

  @MessagePattern(LeasingSubjects.utilityBillsList)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: UtilityBillQueryDto): Promise<Page<UtilityBillView>> {
    return this.utilities.list(caller, query);
  }

  @MessagePattern(LeasingSubjects.utilityBillsByProperty)
  byProperty(@CurrentCaller() caller: OrgCaller, @Payload() { id, ...query }: PropertyBillsRequest): Promise<Page<UtilityBillView>> {
    return this.utilities.byProperty(caller, id, query);
  }

  @MessagePattern(LeasingSubjects.utilityBillsOverdue)
  overdue(@CurrentCaller() caller: OrgCaller, @Payload() query: PageQueryDto): Promise<Page<UtilityBillView>> {
    return this.utilities.overdue(caller, query);
  }

  @MessagePattern(LeasingSubjects.utilityBillsGet)
  get(@CurrentCaller() caller: OrgCaller, @Payload() { id }: IdRequest): Promise<UtilityBillView> {
    return this.utilities.get(caller, id);
  }

  @MessagePattern(LeasingSubjects.utilityBillsCreate)
  create(@CurrentCaller() caller: OrgCaller, @Payload() dto: CreateUtilityBillDto): Promise<UtilityBillView> {
    return this.utilities.create(caller, dto);
  }

  @MessagePattern(LeasingSubjects.utilityBillsUpdate)
  update(@CurrentCaller() caller: OrgCaller, @Payload() { id, ...dto }: UpdateUtilityBillRequest): Promise<UtilityBillView> {
    return this.utilities.update(caller, id, dto);
  }

  @MessagePattern(LeasingSubjects.utilityBillsDelete)
  async remove(@CurrentCaller() caller: OrgCaller, @Payload() { id }: IdRequest): Promise<{ deleted: true }> {
    await this.utilities.remove(caller, id);
    return { deleted: true };
  }

  @MessagePattern(LeasingSubjects.utilityBillsPay)
  pay(@CurrentCaller() caller: OrgCaller, @Payload() { id, ...dto }: PayUtilityBillRequest): Promise<UtilityBillView> {
    return this.utilities.pay(caller, id, dto);
  }

  @MessagePattern(LeasingSubjects.utilityUsageAnalytics)
  analytics(@CurrentCaller() caller: OrgCaller, @Payload() query: UsageAnalyticsQueryDto): Promise<UsageAnalyticsView> {
    return this.utilities.analytics(caller, query);
  }

  @MessagePattern(LeasingSubjects.utilityCostForecast)
  forecast(@CurrentCaller() caller: OrgCaller, @Payload() query: CostForecastQueryDto): Promise<CostForecastView> {
    return this.utilities.forecast(caller, query);
  }

  @MessagePattern(LeasingSubjects.utilityProvidersList)
  providers(@CurrentCaller() caller: OrgCaller, @Payload() query: PageQueryDto): Promise<Page<UtilityProviderView>> {
    return this.utilities.listProviders(caller, query);
  }

  @MessagePattern(LeasingSubjects.utilityProvidersGet)
  provider(@CurrentCaller() caller: OrgCaller, @Payload() { id }: IdRequest): Promise<UtilityProviderView> {
    return this.utilities.getProvider(caller, id);
  }

  @MessagePattern(LeasingSubjects.utilityProvidersCreate)
  createProvider(@CurrentCaller() caller: OrgCaller, @Payload() dto: CreateUtilityProviderDto): Promise<UtilityProviderView> {
    return this.utilities.createProvider(caller, dto);
  }

  @MessagePattern(LeasingSubjects.utilityProvidersUpdate)
  updateProvider(@CurrentCaller() caller: OrgCaller, @Payload() { id, ...dto }: UpdateUtilityProviderRequest): Promise<UtilityProviderView> {
    return this.utilities.updateProvider(caller, id, dto);
  }

  @MessagePattern(LeasingSubjects.utilityProvidersDelete)
  async removeProvider(@CurrentCaller() caller: OrgCaller, @Payload() { id }: IdRequest): Promise<{ deleted: true }> {
    await this.utilities.removeProvider(caller, id);
    return { deleted: true };
  }
}
