import { Module } from '@nestjs/common';
import { LimitsModule } from '../limits/limits.module';
import { ModelsModule } from '../models/models.module';
import { VectorsModule } from '../vectors/vectors.module';
import { IngestionService } from './ingestion.service';
import { SourcesController } from './sources.controller';
import { SourcesService } from './sources.service';

@Module({
  imports: [ModelsModule, VectorsModule, LimitsModule],
  controllers: [SourcesController],
  providers: [IngestionService, SourcesService],
  exports: [IngestionService],
})
export class SourcesModule {}
