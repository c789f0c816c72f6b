import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ADMIN_ROLES, RequireRoles } from '@quartier/auth';
import { Caller } from '@quartier/contracts-shared';
import {
  AddMarketSalesDto,
  AddMarketSalesResult,
  AvmModelListView,
  MarketDataQueryDto,
  MarketDataSubjects,
  MarketDataSummaryView,
  MarketSalePageView,
  MarketSaleQueryDto,
  ModelSubjects,
  ValuateDto,
  ValuationPageView,
  ValuationQueryDto,
  ValuationSubjects,
  ValuationView,
} from '@quartier/contracts-valuation';
import { RpcClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { UuidParam } from '../../platform/validation';
import { RequestCaller } from '../../security/caller.decorator';

/** Fitting reads every platform sale and solves the models: seconds, not the usual request budget. */
const REFIT_TIMEOUT_MS = 120_000;

@ApiTags('valuation')
@ApiAuthenticated()
@Controller('avm')
export class ValuationController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('valuate')
  @ApiOperation({
    summary: 'Property valuation (AVM): estimate, range and confidence from comparable sales and a hedonic model',
    description:
      'Send the attributes, or a propertyId/unitId of your portfolio (attributes in the body fill in or override portfolio’s). Living area, year built and coordinates are needed (422 lists what is missing); unstated attributes are assumed at the market median and named in `assumed`. 422 VALUATION_NO_MARKET_DATA when no sale lies within the comparable radius. The range is calibrated on later held-out sales to contain `rangeCoverage` of them. Every valuation is stored and emits valuation.completed.',
  })
  @ApiCreatedResponse({ type: ValuationView })
  @ApiProblems(404, 409, 422)
  valuate(@Body() dto: ValuateDto, @RequestCaller() caller: Caller): Promise<ValuationView> {
    return this.rpc.request(ValuationSubjects.valuate, dto, caller);
  }

  @Get('valuations')
  @ApiOperation({ summary: 'Stored valuations, newest first (filter by propertyId or unitId)' })
  @ApiOkResponse({ type: ValuationPageView })
  @ApiProblems(422)
  list(@Query() query: ValuationQueryDto, @RequestCaller() caller: Caller): Promise<ValuationPageView> {
    return this.rpc.request(ValuationSubjects.list, query, caller);
  }

  @Get('valuations/:id')
  @ApiOperation({ summary: 'One stored valuation with its comparables and method breakdown' })
  @ApiOkResponse({ type: ValuationView })
  @ApiProblems(404, 422)
  get(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<ValuationView> {
    return this.rpc.request(ValuationSubjects.get, { id }, caller);
  }

  @Get('market-data')
  @ApiOperation({
    summary: 'Market summary: count, median price and price per m², monthly trend',
    description: 'Over platform market data and your own sales; filter by postal code, a circle (lat, lng, radiusKm) and a date window. Prices of one currency only.',
  })
  @ApiOkResponse({ type: MarketDataSummaryView })
  @ApiProblems(422)
  marketData(@Query() query: MarketDataQueryDto, @RequestCaller() caller: Caller): Promise<MarketDataSummaryView> {
    return this.rpc.request(MarketDataSubjects.summary, query, caller);
  }

  @Post('market-data/sales')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add your own comparable sales in bulk (up to 1000; an externalId already stored is skipped)' })
  @ApiOkResponse({ type: AddMarketSalesResult })
  @ApiProblems(413, 422)
  addSales(@Body() dto: AddMarketSalesDto, @RequestCaller() caller: Caller): Promise<AddMarketSalesResult> {
    return this.rpc.request(MarketDataSubjects.addSales, dto, caller);
  }

  @Get('market-data/sales')
  @ApiOperation({ summary: 'Your own comparable sales, newest sale first' })
  @ApiOkResponse({ type: MarketSalePageView })
  @ApiProblems(422)
  listSales(@Query() query: MarketSaleQueryDto, @RequestCaller() caller: Caller): Promise<MarketSalePageView> {
    return this.rpc.request(MarketDataSubjects.listSales, query, caller);
  }

  @Delete('market-data/sales/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete one of your own comparable sales' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404, 422)
  async deleteSale(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<void> {
    await this.rpc.request(MarketDataSubjects.deleteSale, { id }, caller);
  }

  @Get('models')
  @ApiOperation({ summary: 'The valuation model in use per currency: training window, fit time, held-out accuracy' })
  @ApiOkResponse({ type: AvmModelListView })
  models(@RequestCaller() caller: Caller): Promise<AvmModelListView> {
    return this.rpc.request(ModelSubjects.current, {}, caller);
  }

  @Post('models/refit')
  @HttpCode(200)
  @RequireRoles(...ADMIN_ROLES)
  @ApiOperation({ summary: 'Refit the valuation models on all platform market data (owners and admins)' })
  @ApiOkResponse({ type: AvmModelListView })
  @ApiProblems(422)
  refit(@RequestCaller() caller: Caller): Promise<AvmModelListView> {
    return this.rpc.request(ModelSubjects.refit, {}, caller, REFIT_TIMEOUT_MS);
  }
}
