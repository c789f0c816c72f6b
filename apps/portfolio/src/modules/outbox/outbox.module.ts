import { Module } from '@nestjs/common';
import { OutboxRelayLifecycle } from './outbox-relay.lifecycle';

@Module({ providers: [OutboxRelayLifecycle] })
export class OutboxModule {}
