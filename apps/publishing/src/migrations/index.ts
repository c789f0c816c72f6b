import { Initial1765200000000 } from './1765200000000-initial.migration';

/** Every publishing migration, in order. */
export const PUBLISHING_MIGRATIONS = [Initial1765200000000];
