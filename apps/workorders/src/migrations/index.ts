import { Initial1763800000000 } from './1763800000000-initial.migration';
import { IdempotencyRecords1796700000000 } from './1796700000000-idempotency-records.migration';

/** Every workorders migration, in order. */
export const WORKORDERS_MIGRATIONS = [Initial1763800000000, IdempotencyRecords1796700000000];
