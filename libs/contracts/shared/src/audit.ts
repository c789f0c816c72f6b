/** Published by the gateway for every mutating request; stored by identity. */
export const AUDIT_RECORDED_EVENT = 'gateway.audit.recorded';

export interface AuditRecordedPayload {
  requestId: string;
  userId?: string;
  userEmail?: string;
  method: string;
  path: string;
  route?: string;
  status: number;
  outcome: 'success' | 'failure';
  durationMs: number;
  ip?: string;
}
