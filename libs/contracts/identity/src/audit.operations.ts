import { CommonErrorCode, defineOperation } from '@quartier/contracts-shared';
import { AuditLogPageDto, ListAuditLogsDto } from './audit.dto';

/** The audit log of every mutation in the caller's organization. */
export const AuditOperations = {
  list: defineOperation({
    service: 'identity',
    subject: 'identity.v1.audit.list',
    request: ListAuditLogsDto,
    response: AuditLogPageDto,
    http: {
      method: 'GET',
      path: '/audit-logs',
      status: 200,
      tags: ['audit'],
      summary: 'Audit log of every mutation: who, what, when, outcome (owners and admins)',
    },
    access: { scopes: ['read'], roles: ['owner', 'admin'] },
    paged: true,
    idempotency: 'safe',
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
};
