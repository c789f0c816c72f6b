import { Controller, UseGuards } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { OrgCaller } from '@quartier/contracts-shared';
import {
  AddMarketSalesDto,
  AddMarketSalesResult,
  MarketDataOperations,
  MarketDataQueryDto,
  MarketDataSummaryView,
  MarketSaleDeletedView,
  MarketSaleIdDto,
  MarketSalePageView,
  MarketSaleQueryDto,
} from '@quartier/contracts-valuation';
import { CurrentCaller, HandlesOperation, StaffOnlyGuard } from '@quartier/messaging';
import { MarketDataService } from './market-data.service';

@Controller()
@UseGuards(StaffOnlyGuard)
export class MarketDataController {
  constructor(private readonly marketData: MarketDataService) {}

  @HandlesOperation(MarketDataOperations.summary)
  summary(@CurrentCaller() caller: OrgCaller, @Payload() query: MarketDataQueryDto): Promise<MarketDataSummaryView> {
    return this.marketData.summary(caller, query);
  }

  @HandlesOperation(MarketDataOperations.addSales)
  addSales(@CurrentCaller() caller: OrgCaller, @Payload() dto: AddMarketSalesDto): Promise<AddMarketSalesResult> {
    return this.marketData.addSales(caller, dto);
  }

  @HandlesOperation(MarketDataOperations.listSales)
  listSales(@CurrentCaller() caller: OrgCaller, @Payload() query: MarketSaleQueryDto): Promise<MarketSalePageView> {
    return this.marketData.listOwn(caller, query);
  }

  @HandlesOperation(MarketDataOperations.deleteSale)
  async deleteSale(@CurrentCaller() caller: OrgCaller, @Payload() request: MarketSaleIdDto): Promise<MarketSaleDeletedView> {
    await this.marketData.deleteOwn(caller, request.id);
    return { deleted: true };
  }
}
