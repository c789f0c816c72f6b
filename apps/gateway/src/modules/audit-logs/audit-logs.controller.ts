import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ADMIN_ROLES, RequireRoles } from '@quartier/auth';
import { AuditLogDto, IdentitySubjects, ListAuditLogsDto } from '@quartier/contracts-identity';
import { Caller, Page } from '@quartier/contracts-shared';
import { RpcClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { RequestCaller } from '../../security/caller.decorator';
import { AuditLogPageDto } from '../organization/organization-route.dto';

@ApiTags('audit')
@ApiAuthenticated()
@Controller('audit-logs')
export class AuditLogsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @RequireRoles(...ADMIN_ROLES)
  @ApiOperation({ summary: 'Audit log of every mutation: who, what, when, outcome (owners and admins)' })
  @ApiOkResponse({ type: AuditLogPageDto })
  @ApiProblems(422)
  list(@Query() query: ListAuditLogsDto, @RequestCaller() caller: Caller): Promise<Page<AuditLogDto>> {
    return this.rpc.request(IdentitySubjects.auditList, query, caller);
  }
}
