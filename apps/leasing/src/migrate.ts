import { runMigrateMain } from '@quartier/messaging';
import { leasingService } from './leasing.service-app';

runMigrateMain(leasingService);
