import { AuditOperations } from '@quartier/contracts-identity';
import { operationController } from '../../operations/operation-routes.factory';

/** /api/v1/audit-logs, generated from identity's operation descriptor (owners and admins). */
export const AuditLogsController = operationController('AuditLogsController', {
  list: AuditOperations.list,
});
