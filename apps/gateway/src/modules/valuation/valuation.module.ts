import { Module } from '@nestjs/common';
import { MarketDataOperations, ModelOperations, ValuationOperations } from '@quartier/contracts-valuation';
import { OperationClient } from '@quartier/messaging';
import { operationController } from '../../operations/operation-routes.factory';

/**
 * /api/v1/avm routes of the valuation service (valuations, market data, models), generated from
 * its operation descriptors. The route names keep the operationIds clients already use.
 */
const ValuationController = operationController('ValuationController', {
  valuate: ValuationOperations.valuate,
  list: ValuationOperations.list,
  get: ValuationOperations.get,
  marketData: MarketDataOperations.summary,
  addSales: MarketDataOperations.addSales,
  listSales: MarketDataOperations.listSales,
  deleteSale: MarketDataOperations.deleteSale,
  models: ModelOperations.current,
  refit: ModelOperations.refit,
});

@Module({ controllers: [ValuationController], providers: [OperationClient] })
export class ValuationRoutesModule {}
