import { Module } from '@nestjs/common';
import { OperationClient } from '@quartier/messaging';
import { InsightsController } from './insights.controller';
import { InsightsService } from './insights.service';

@Module({ controllers: [InsightsController], providers: [InsightsService, OperationClient] })
export class InsightsModule {}
