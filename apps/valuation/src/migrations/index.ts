import { Initial1765100000000 } from './1765100000000-initial.migration';

/** Every valuation migration, in order. */
export const VALUATION_MIGRATIONS = [Initial1765100000000];
