import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { AuditLogDto, AuditOperations, ListAuditLogsDto } from '@quartier/contracts-identity';
import { OrgCaller, Page } from '@quartier/contracts-shared';
import { CurrentCaller, HandlesOperation } from '@quartier/messaging';
import { AuditService } from './audit.service';

@Controller()
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @HandlesOperation(AuditOperations.list)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: ListAuditLogsDto): Promise<Page<AuditLogDto>> {
    return this.audit.list(caller, query);
  }
}
