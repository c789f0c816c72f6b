import { Module } from '@nestjs/common';
import { ModelsModule } from '../models/models.module';
import { VectorsModule } from '../vectors/vectors.module';
import { HealthController } from './health.controller';

@Module({ imports: [ModelsModule, VectorsModule], controllers: [HealthController] })
export class HealthModule {}
