import { runMain } from '@quartier/messaging';
import { iotService } from './iot.service-app';

runMain(iotService);
