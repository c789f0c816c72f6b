import { Initial1765200000000 } from './1765200000000-initial.migration';
import { IdempotencyRecords1796700000000 } from './1796700000000-idempotency-records.migration';

/** Every publishing migration, in order. */
export const PUBLISHING_MIGRATIONS = [Initial1765200000000, IdempotencyRecords1796700000000];
