import { runMain } from '@quartier/messaging';
import { identityService } from './identity.service-app';

runMain(identityService);
