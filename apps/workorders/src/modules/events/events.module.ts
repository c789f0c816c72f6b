import { Module } from '@nestjs/common';
import { WorkOrdersModule } from '../work-orders/work-orders.module';
import { EventsLifecycle } from './events.lifecycle';

@Module({
  imports: [WorkOrdersModule],
  providers: [EventsLifecycle],
})
export class EventsModule {}
