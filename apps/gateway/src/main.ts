import 'reflect-metadata';
import { runMain } from '@quartier/messaging';
import { gatewayService } from './gateway.service-app';

runMain(gatewayService);
