import { CreatePortfolio1763790000000 } from './1763790000000-create-portfolio.migration';

export const portfolioMigrations = [CreatePortfolio1763790000000];
