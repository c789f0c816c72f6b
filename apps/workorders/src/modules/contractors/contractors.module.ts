import { Module } from '@nestjs/common';
import { WorkOrdersModule } from '../work-orders/work-orders.module';
import { ContractorController } from './contractor.controller';

@Module({
  imports: [WorkOrdersModule],
  controllers: [ContractorController],
})
export class ContractorsModule {}
