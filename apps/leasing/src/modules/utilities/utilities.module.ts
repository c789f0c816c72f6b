import { Module } from '@nestjs/common';
import { LeasingCoreModule } from '../leasing.module';
import { UtilityController } from './utility.controller';
import { UtilityService } from './utility.service';

@Module({
  imports: [LeasingCoreModule],
  controllers: [UtilityController],
  providers: [UtilityService],
})
export class UtilitiesModule {}
