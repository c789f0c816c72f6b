import { Initial1765000000000 } from './1765000000000-initial.migration';
import { IdempotencyRecords1796700000000 } from './1796700000000-idempotency-records.migration';

/** Every ai migration, in order. */
export const AI_MIGRATIONS = [Initial1765000000000, IdempotencyRecords1796700000000];
