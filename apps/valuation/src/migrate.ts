import { runMigrateMain } from '@quartier/messaging';
import { valuationService } from './valuation.service-app';

runMigrateMain(valuationService);
