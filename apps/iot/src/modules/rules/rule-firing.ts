import { AlertSeverity, RuleActionDto, alertOpensWorkOrder } from '@quartier/contracts-iot';

/** What one firing of a rule has done so far. */
export interface Firing {
  alertId?: string;
  alertOpensWorkOrder?: boolean;
}

/** Alerts are raised before anything else, so a work-order request can name the alert of its firing. */
export function alertsFirst(actions: RuleActionDto[]): RuleActionDto[] {
  return [...actions.filter((action) => action.type === 'alert'), ...actions.filter((action) => action.type !== 'alert')];
}

/**
 * Remembers the alert a work-order request of this firing refers to: preferably one that opens a
 * work order by itself (workorders opens one work order per alert id, whichever event comes first).
 */
export function rememberAlert(firing: Firing, alert: { id: string; severity: AlertSeverity; unitId: string | null }): void {
  const opens = alertOpensWorkOrder({ severity: alert.severity, unitId: alert.unitId ?? undefined });
  if (firing.alertId && (firing.alertOpensWorkOrder || !opens)) return;
  firing.alertId = alert.id;
  firing.alertOpensWorkOrder = opens;
}
