import { runMigrateMain } from '@quartier/messaging';
import { iotService } from './iot.service-app';

runMigrateMain(iotService);
