import { CreatePortfolio1763790000000 } from './1763790000000-create-portfolio.migration';
import { UnitCurrentLease1763790100000 } from './1763790100000-unit-current-lease.migration';

export const portfolioMigrations = [CreatePortfolio1763790000000, UnitCurrentLease1763790100000];
