import { runMain } from '@quartier/messaging';
import { workordersService } from './workorders.service-app';

runMain(workordersService);
