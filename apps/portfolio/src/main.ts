import { runMain } from '@quartier/messaging';
import { portfolioService } from './portfolio.service-app';

runMain(portfolioService);
