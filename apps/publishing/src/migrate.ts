import { runMigrateMain } from '@quartier/messaging';
import { publishingService } from './publishing.service-app';

runMigrateMain(publishingService);
