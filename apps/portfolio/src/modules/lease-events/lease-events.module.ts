import { DynamicModule, Module } from '@nestjs/common';
import { LEASE_EVENTS_MAX_DELIVER, LeaseEventsConsumer } from './lease-events.consumer';

@Module({})
export class LeaseEventsModule {
  static forRoot(maxDeliver: number): DynamicModule {
    return {
      module: LeaseEventsModule,
      providers: [{ provide: LEASE_EVENTS_MAX_DELIVER, useValue: maxDeliver }, LeaseEventsConsumer],
    };
  }
}
