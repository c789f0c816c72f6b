import { Module } from '@nestjs/common';
import { RealtimeController } from './realtime.controller';
import { RealtimeService } from './realtime.service';

@Module({ controllers: [RealtimeController], providers: [RealtimeService], exports: [RealtimeService] })
export class RealtimeRoutesModule {}
