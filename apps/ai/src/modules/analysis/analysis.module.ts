import { Module } from '@nestjs/common';
import { OperationClient } from '@quartier/messaging';
import { LimitsModule } from '../limits/limits.module';
import { ModelsModule } from '../models/models.module';
import { AnalysisController } from './analysis.controller';
import { AnalysisService } from './analysis.service';

@Module({ imports: [ModelsModule, LimitsModule], controllers: [AnalysisController], providers: [AnalysisService, OperationClient] })
export class AnalysisModule {}
