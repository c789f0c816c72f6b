import { Module } from '@nestjs/common';
import { MarketDataModule } from '../market-data/market-data.module';
import { ModelController } from './model.controller';
import { ModelRegistry } from './model-registry.service';

@Module({
  imports: [MarketDataModule],
  controllers: [ModelController],
  providers: [ModelRegistry],
  exports: [ModelRegistry],
})
export class ModelsModule {}
