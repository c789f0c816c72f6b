import { Module } from '@nestjs/common';
import { OutboxLifecycle } from './outbox.lifecycle';

@Module({ providers: [OutboxLifecycle] })
export class EventsModule {}
