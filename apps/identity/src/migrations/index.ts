import { Init1763800000000 } from './1763800000000-init.migration';

export const identityMigrations = [Init1763800000000];
