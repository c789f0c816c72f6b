import { runMigrateMain } from '@quartier/messaging';
import { identityService } from './identity.service-app';

runMigrateMain(identityService);
