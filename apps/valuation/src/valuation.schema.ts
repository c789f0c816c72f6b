import { InboxEntity, OutboxEntity } from '@quartier/db';
import { MarketSaleEntity } from './modules/market-data/market-sale.entity';
import { AvmModelEntity } from './modules/models/avm-model.entity';
import { ValuationEntity } from './modules/valuations/valuation.entity';
import { VALUATION_MIGRATIONS } from './migrations';

export const VALUATION_SCHEMA = 'valuation';

export const VALUATION_ENTITIES = [OutboxEntity, InboxEntity, MarketSaleEntity, AvmModelEntity, ValuationEntity];

export { VALUATION_MIGRATIONS };
