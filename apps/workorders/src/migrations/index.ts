import { Initial1763800000000 } from './1763800000000-initial.migration';

/** Every workorders migration, in order. */
export const WORKORDERS_MIGRATIONS = [Initial1763800000000];
