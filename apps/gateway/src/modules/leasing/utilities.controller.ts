import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CostForecastQueryDto,
  CostForecastView,
  CreateUtilityBillDto,
  CreateUtilityProviderDto,
  LeasingSubjects,
  PayUtilityBillDto,
  UpdateUtilityBillDto,
  UpdateUtilityProviderDto,
  UsageAnalyticsQueryDto,
  UsageAnalyticsView,
  UtilityBillPageView,
  UtilityBillQueryDto,
  UtilityBillView,
  UtilityProviderPageView,
  UtilityProviderView,
} from '@quartier/contracts-leasing';
import { Caller, PageQueryDto } from '@quartier/contracts-shared';
import { RpcClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { UuidParam } from '../../platform/validation';
import { RequestCaller } from '../../security/caller.decorator';

@ApiTags('utilities')
@ApiAuthenticated()
@Controller('utilities')
export class UtilitiesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('bills')
  @ApiOperation({ summary: 'List utility bills (property, type, status)' })
  @ApiOkResponse({ type: UtilityBillPageView })
  @ApiProblems(422)
  list(@Query() query: UtilityBillQueryDto, @RequestCaller() caller: Caller): Promise<UtilityBillPageView> {
    return this.rpc.request(LeasingSubjects.utilityBillsList, query, caller);
  }

  @Post('bills')
  @ApiOperation({ summary: 'Record a utility bill (electricity, water, gas, heating, waste, internet)' })
  @ApiCreatedResponse({ type: UtilityBillView })
  @ApiProblems(404, 422)
  create(@Body() dto: CreateUtilityBillDto, @RequestCaller() caller: Caller): Promise<UtilityBillView> {
    return this.rpc.request(LeasingSubjects.utilityBillsCreate, dto, caller);
  }

  @Get('bills/overdue')
  @ApiOperation({ summary: 'Open bills past their due date' })
  @ApiOkResponse({ type: UtilityBillPageView })
  @ApiProblems(422)
  overdue(@Query() query: PageQueryDto, @RequestCaller() caller: Caller): Promise<UtilityBillPageView> {
    return this.rpc.request(LeasingSubjects.utilityBillsOverdue, query, caller);
  }

  @Get('bills/property/:propertyId')
  @ApiOperation({ summary: "A property's utility bills" })
  @ApiOkResponse({ type: UtilityBillPageView })
  @ApiProblems(422)
  byProperty(@UuidParam('propertyId') propertyId: string, @Query() query: PageQueryDto, @RequestCaller() caller: Caller): Promise<UtilityBillPageView> {
    return this.rpc.request(LeasingSubjects.utilityBillsByProperty, { ...query, id: propertyId }, caller);
  }

  @Get('bills/:id')
  @ApiOperation({ summary: 'Get a utility bill' })
  @ApiOkResponse({ type: UtilityBillView })
  @ApiProblems(404, 422)
  get(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<UtilityBillView> {
    return this.rpc.request(LeasingSubjects.utilityBillsGet, { id }, caller);
  }

  @Put('bills/:id')
  @ApiOperation({ summary: 'Update a utility bill' })
  @ApiOkResponse({ type: UtilityBillView })
  @ApiProblems(404, 422)
  replace(@UuidParam() id: string, @Body() dto: UpdateUtilityBillDto, @RequestCaller() caller: Caller): Promise<UtilityBillView> {
    return this.rpc.request(LeasingSubjects.utilityBillsUpdate, { ...dto, id }, caller);
  }

  @Patch('bills/:id')
  @ApiOperation({ summary: 'Update some fields of a utility bill' })
  @ApiOkResponse({ type: UtilityBillView })
  @ApiProblems(404, 422)
  update(@UuidParam() id: string, @Body() dto: UpdateUtilityBillDto, @RequestCaller() caller: Caller): Promise<UtilityBillView> {
    return this.rpc.request(LeasingSubjects.utilityBillsUpdate, { ...dto, id }, caller);
  }

  @Delete('bills/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a utility bill' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404, 422)
  async remove(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<void> {
    await this.rpc.request(LeasingSubjects.utilityBillsDelete, { id }, caller);
  }

  @Post('bills/:id/pay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a utility bill paid' })
  @ApiOkResponse({ type: UtilityBillView })
  @ApiProblems(404, 422)
  pay(@UuidParam() id: string, @Body() dto: PayUtilityBillDto, @RequestCaller() caller: Caller): Promise<UtilityBillView> {
    return this.rpc.request(LeasingSubjects.utilityBillsPay, { ...dto, id }, caller);
  }

  @Get('usage/analytics')
  @ApiOperation({ summary: 'Consumption and cost per property, type and month, with the change against the previous month' })
  @ApiOkResponse({ type: UsageAnalyticsView })
  @ApiProblems(422)
  analytics(@Query() query: UsageAnalyticsQueryDto, @RequestCaller() caller: Caller): Promise<UsageAnalyticsView> {
    return this.rpc.request(LeasingSubjects.utilityUsageAnalytics, query, caller);
  }

  @Get('costs/forecast')
  @ApiOperation({ summary: 'Cost forecast for the next months per property and type, with a range' })
  @ApiOkResponse({ type: CostForecastView })
  @ApiProblems(422)
  forecast(@Query() query: CostForecastQueryDto, @RequestCaller() caller: Caller): Promise<CostForecastView> {
    return this.rpc.request(LeasingSubjects.utilityCostForecast, query, caller);
  }

  @Get('providers')
  @ApiOperation({ summary: 'List utility providers' })
  @ApiOkResponse({ type: UtilityProviderPageView })
  @ApiProblems(422)
  providers(@Query() query: PageQueryDto, @RequestCaller() caller: Caller): Promise<UtilityProviderPageView> {
    return this.rpc.request(LeasingSubjects.utilityProvidersList, query, caller);
  }

  @Post('providers')
  @ApiOperation({ summary: 'Create a utility provider' })
  @ApiCreatedResponse({ type: UtilityProviderView })
  @ApiProblems(422)
  createProvider(@Body() dto: CreateUtilityProviderDto, @RequestCaller() caller: Caller): Promise<UtilityProviderView> {
    return this.rpc.request(LeasingSubjects.utilityProvidersCreate, dto, caller);
  }

  @Get('providers/:id')
  @ApiOperation({ summary: 'Get a utility provider' })
  @ApiOkResponse({ type: UtilityProviderView })
  @ApiProblems(404, 422)
  provider(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<UtilityProviderView> {
    return this.rpc.request(LeasingSubjects.utilityProvidersGet, { id }, caller);
  }

  @Patch('providers/:id')
  @ApiOperation({ summary: 'Update a utility provider' })
  @ApiOkResponse({ type: UtilityProviderView })
  @ApiProblems(404, 422)
  updateProvider(@UuidParam() id: string, @Body() dto: UpdateUtilityProviderDto, @RequestCaller() caller: Caller): Promise<UtilityProviderView> {
    return this.rpc.request(LeasingSubjects.utilityProvidersUpdate, { ...dto, id }, caller);
  }

  @Delete('providers/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a utility provider (its bills keep their data)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404, 422)
  async removeProvider(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<void> {
    await this.rpc.request(LeasingSubjects.utilityProvidersDelete, { id }, caller);
  }
}
