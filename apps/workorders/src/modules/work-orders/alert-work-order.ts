import { AlertPayload, alertOpensWorkOrder } from '@quartier/contracts-iot';
import { WorkOrderPriority } from '@quartier/contracts-workorders';

export interface AlertWorkOrderDraft {
  alertId: string;
  unitId: string;
  title: string;
  description: string;
  priority: WorkOrderPriority;
  data: Record<string, unknown>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The work order an iot alert should open, or null: only high/critical alerts naming a unit open
 * one, and a payload without usable ids is skipped rather than redelivered forever.
 */
export function alertWorkOrderDraft(alert: Partial<AlertPayload>): AlertWorkOrderDraft | null {
  if (alert.severity === undefined || !alertOpensWorkOrder({ severity: alert.severity, unitId: alert.unitId })) return null;
  if (!UUID.test(alert.alertId ?? '') || !UUID.test(alert.unitId ?? '')) return null;
  const title = typeof alert.title === 'string' && alert.title.trim() ? alert.title.trim() : `${alert.kind ?? 'Device'} alert`;
  const measured = alert.metric !== undefined && alert.value !== undefined ? ` (${alert.metric} = ${alert.value})` : '';
  return {
    alertId: alert.alertId as string,
    unitId: alert.unitId as string,
    title: `Alert: ${title}`.slice(0, 200),
    description: `${alert.message ?? ''}${measured}`.trim(),
    priority: alert.severity === 'critical' ? 'emergency' : 'high',
    data: { alertId: alert.alertId, deviceId: alert.deviceId, severity: alert.severity, kind: alert.kind, raisedAt: alert.raisedAt },
  };
}
