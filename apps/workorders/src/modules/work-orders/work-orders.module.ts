import { Module } from '@nestjs/common';
import { ContractorService } from '../contractors/contractor.service';
import { ResidentLeaseService } from '../residents/resident-lease.service';
import { UnitDirectory } from '../units/unit-directory.service';
import { WorkOrderController } from './work-order.controller';
import { WorkOrderItemsService } from './work-order-items.service';
import { WorkOrderService } from './work-order.service';

@Module({
  controllers: [WorkOrderController],
  providers: [WorkOrderService, WorkOrderItemsService, ContractorService, ResidentLeaseService, UnitDirectory],
  exports: [WorkOrderService, ContractorService],
})
export class WorkOrdersModule {}
