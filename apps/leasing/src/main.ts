import { runMain } from '@quartier/messaging';
import { leasingService } from './leasing.service-app';

runMain(leasingService);
