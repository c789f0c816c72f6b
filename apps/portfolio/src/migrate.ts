import { runMigrateMain } from '@quartier/messaging';
import { portfolioService } from './portfolio.service-app';

runMigrateMain(portfolioService);
