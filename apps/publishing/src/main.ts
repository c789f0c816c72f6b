import { runMain } from '@quartier/messaging';
import { publishingService } from './publishing.service-app';

runMain(publishingService);
