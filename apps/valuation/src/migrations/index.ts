import { Initial1765100000000 } from './1765100000000-initial.migration';
import { ValuationMarketDate1765100000001 } from './1765100000001-valuation-market-date.migration';
import { IdempotencyRecords1796700000000 } from './1796700000000-idempotency-records.migration';

/** Every valuation migration, in order. */
export const VALUATION_MIGRATIONS = [Initial1765100000000, ValuationMarketDate1765100000001, IdempotencyRecords1796700000000];
