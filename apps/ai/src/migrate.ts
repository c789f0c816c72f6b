import { runMigrateMain } from '@quartier/messaging';
import { aiService } from './ai.service-app';

runMigrateMain(aiService);
