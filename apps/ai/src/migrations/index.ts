import { Initial1765000000000 } from './1765000000000-initial.migration';

/** Every ai migration, in order. */
export const AI_MIGRATIONS = [Initial1765000000000];
