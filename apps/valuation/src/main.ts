import { runMain } from '@quartier/messaging';
import { valuationService } from './valuation.service-app';

runMain(valuationService);
