import { Module } from '@nestjs/common';
import { ValuationController } from './valuation.controller';

/** /api/v1/avm routes of the valuation service: valuations, market data, models. */
@Module({ controllers: [ValuationController] })
export class ValuationRoutesModule {}
