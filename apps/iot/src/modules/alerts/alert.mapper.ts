import { AlertPayload, AlertResponse } from '@quartier/contracts-iot';
import { AlertEntity } from './alert.entity';

export function toAlertResponse(alert: AlertEntity): AlertResponse {
  return {
    id: alert.id,
    deviceId: alert.deviceId,
    unitId: alert.unitId,
    buildingId: alert.buildingId,
    ruleId: alert.ruleId,
    severity: alert.severity,
    kind: alert.kind,
    title: alert.title,
    message: alert.message,
    metric: alert.metric,
    value: alert.value,
    status: alert.status,
    raisedAt: alert.raisedAt.toISOString(),
    acknowledgedAt: alert.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: alert.acknowledgedBy,
    resolvedAt: alert.resolvedAt?.toISOString() ?? null,
    resolvedBy: alert.resolvedBy,
    note: alert.note,
  };
}

/** The AlertEvent payload (libs/contracts/iot/alert.events.ts). */
export function toAlertPayload(alert: AlertEntity): AlertPayload {
  return {
    alertId: alert.id,
    deviceId: alert.deviceId,
    ...(alert.unitId ? { unitId: alert.unitId } : {}),
    ...(alert.buildingId ? { buildingId: alert.buildingId } : {}),
    ...(alert.ruleId ? { ruleId: alert.ruleId } : {}),
    severity: alert.severity,
    kind: alert.kind,
    title: alert.title,
    message: alert.message,
    ...(alert.metric !== null ? { metric: alert.metric } : {}),
    ...(alert.value !== null ? { value: alert.value } : {}),
    raisedAt: alert.raisedAt.toISOString(),
  };
}
