import { WorkOrderRequestedPayload } from '@quartier/contracts-iot';
import { WorkOrderPriority } from '@quartier/contracts-workorders';

export interface RuleWorkOrderDraft {
  /** The alert raised in the same firing: at most one work order exists per alert. */
  alertId: string | null;
  unitId: string | null;
  title: string;
  description: string;
  priority: WorkOrderPriority;
  data: Record<string, unknown>;
}

/** iot's rule priorities → work-order priorities (an urgent rule is an emergency with its SLA). */
export const RULE_PRIORITY: Record<WorkOrderRequestedPayload['priority'], WorkOrderPriority> = {
  low: 'low',
  medium: 'normal',
  high: 'high',
  urgent: 'emergency',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function optionalUuid(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' && UUID.test(value) ? value : undefined;
}

/**
 * The work order an automation rule asks for, or null when the payload's ids are unusable (skipped
 * rather than redelivered forever). A building without a unit is named in the description.
 */
export function ruleWorkOrderDraft(request: Partial<WorkOrderRequestedPayload>): RuleWorkOrderDraft | null {
  const unitId = optionalUuid(request.unitId);
  const alertId = optionalUuid(request.alertId);
  if (unitId === undefined || alertId === undefined) return null;
  const title = typeof request.title === 'string' && request.title.trim() ? request.title.trim() : 'Automation rule work order';
  const building = !unitId && typeof request.buildingId === 'string' ? ` (building ${request.buildingId})` : '';
  const priority = (request.priority && RULE_PRIORITY[request.priority]) || 'normal';
  return {
    alertId,
    unitId,
    title: title.slice(0, 200),
    description: `${typeof request.description === 'string' ? request.description.trim() : ''}${building}`.trim(),
    priority,
    data: {
      ruleId: request.ruleId,
      deviceId: request.deviceId,
      ...(request.buildingId ? { buildingId: request.buildingId } : {}),
      ...(alertId ? { alertId } : {}),
      requestedPriority: request.priority,
    },
  };
}
