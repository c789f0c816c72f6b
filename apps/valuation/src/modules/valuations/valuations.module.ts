import { Module } from '@nestjs/common';
import { MarketDataModule } from '../market-data/market-data.module';
import { ModelsModule } from '../models/models.module';
import { PortfolioDirectory } from './portfolio-directory.service';
import { ValuationController } from './valuation.controller';
import { ValuationService } from './valuation.service';

@Module({
  imports: [MarketDataModule, ModelsModule],
  controllers: [ValuationController],
  providers: [ValuationService, PortfolioDirectory],
})
export class ValuationsModule {}
