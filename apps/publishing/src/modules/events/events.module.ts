import { Module } from '@nestjs/common';
import { EventsLifecycle } from './events.lifecycle';

@Module({ providers: [EventsLifecycle] })
export class EventsModule {}
