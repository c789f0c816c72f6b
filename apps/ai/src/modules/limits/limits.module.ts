import { Module } from '@nestjs/common';
import { RequestLimiter } from './request-limiter.service';

@Module({ providers: [RequestLimiter], exports: [RequestLimiter] })
export class LimitsModule {}
