import { runMain } from '@quartier/messaging';
import { aiService } from './ai.service-app';

runMain(aiService);
