import { Module } from '@nestjs/common';
import { PlanLimitsService } from '../limits/plan-limits.service';
import { PropertiesController } from './properties.controller';
import { PropertiesService } from './properties.service';

@Module({
  controllers: [PropertiesController],
  providers: [PropertiesService, PlanLimitsService],
})
export class PropertiesModule {}
