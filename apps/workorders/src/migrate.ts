import { runMigrateMain } from '@quartier/messaging';
import { workordersService } from './workorders.service-app';

runMigrateMain(workordersService);
