import { Module } from '@nestjs/common';
import { AuditConsumer } from './audit-consumer';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

@Module({ controllers: [AuditController], providers: [AuditService, AuditConsumer] })
export class AuditModule {}
