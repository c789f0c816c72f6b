import { Module } from '@nestjs/common';
import { OperationClient } from '@quartier/messaging';
import { AuditLogsController } from './audit-logs.controller';

@Module({ controllers: [AuditLogsController], providers: [OperationClient] })
export class AuditLogsRoutesModule {}
