import { Controller, UseGuards } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { OrgCaller } from '@quartier/contracts-shared';
import {
  AddMarketSalesDto,
  AddMarketSalesResult,
  MarketDataQueryDto,
  MarketDataSubjects,
  MarketDataSummaryView,
  MarketSaleIdDto,
  MarketSalePageView,
  MarketSaleQueryDto,
} from '@quartier/contracts-valuation';
import { CurrentCaller, StaffOnlyGuard } from '@quartier/messaging';
import { MarketDataService } from './market-data.service';

@Controller()
@UseGuards(StaffOnlyGuard)
export class MarketDataController {
  constructor(private readonly marketData: MarketDataService) {}

  @MessagePattern(MarketDataSubjects.summary)
  summary(@CurrentCaller() caller: OrgCaller, @Payload() query: MarketDataQueryDto): Promise<MarketDataSummaryView> {
    return this.marketData.summary(caller, query);
  }

  @MessagePattern(MarketDataSubjects.addSales)
  addSales(@CurrentCaller() caller: OrgCaller, @Payload() dto: AddMarketSalesDto): Promise<AddMarketSalesResult> {
    return this.marketData.addSales(caller, dto);
  }

  @MessagePattern(MarketDataSubjects.listSales)
  listSales(@CurrentCaller() caller: OrgCaller, @Payload() query: MarketSaleQueryDto): Promise<MarketSalePageView> {
    return this.marketData.listOwn(caller, query);
  }

  @MessagePattern(MarketDataSubjects.deleteSale)
  async deleteSale(@CurrentCaller() caller: OrgCaller, @Payload() request: MarketSaleIdDto): Promise<{ deleted: true }> {
    await this.marketData.deleteOwn(caller, request.id);
    return { deleted: true };
  }
}
