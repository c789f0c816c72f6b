/** Alert events published by iot; workorders opens a work order for high/critical alerts naming a unit. */
export const AlertEvent = {
  RAISED: 'iot.alert.raised',
  ACKNOWLEDGED: 'iot.alert.acknowledged',
  RESOLVED: 'iot.alert.resolved',
} as const;
export type AlertEventType = (typeof AlertEvent)[keyof typeof AlertEvent];

export const ALERT_SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

export interface AlertPayload {
  alertId: string;
  deviceId: string;
  /** The unit the device is installed in, when it is installed in a unit. */
  unitId?: string;
  buildingId?: string;
  ruleId?: string;
  severity: AlertSeverity;
  /** e.g. `threshold`, `offline`, `state`. */
  kind: string;
  title: string;
  message: string;
  metric?: string;
  value?: number;
  /** ISO timestamp. */
  raisedAt: string;
}

/** Only these severities open a work order. */
export function alertOpensWorkOrder(payload: Pick<AlertPayload, 'severity' | 'unitId'>): boolean {
  return (payload.severity === 'high' || payload.severity === 'critical') && typeof payload.unitId === 'string';
}
