import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AuditLogDto, IdentitySubjects, ListAuditLogsDto } from '@quartier/contracts-identity';
import { OrgCaller, Page } from '@quartier/contracts-shared';
import { CurrentCaller } from '@quartier/messaging';
import { AuditService } from './audit.service';

@Controller()
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @MessagePattern(IdentitySubjects.auditList)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: ListAuditLogsDto): Promise<Page<AuditLogDto>> {
    return this.audit.list(caller, query);
  }
}
