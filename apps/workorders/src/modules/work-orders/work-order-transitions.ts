import { WorkOrderAction, WorkOrderStatus } from '@quartier/contracts-workorders';

/** Which actions each status allows, and where they lead. Completed and cancelled are final. */
const TRANSITIONS: Record<WorkOrderStatus, Partial<Record<WorkOrderAction, WorkOrderStatus>>> = {
  open: { assign: 'assigned', cancel: 'cancelled' },
  // Assigning again hands the work order to another contractor.
  assigned: { assign: 'assigned', start: 'in_progress', cancel: 'cancelled' },
  in_progress: { complete: 'completed', cancel: 'cancelled' },
  completed: {},
  cancelled: {},
};

export interface AllowedTransition {
  action: WorkOrderAction;
  to: WorkOrderStatus;
}

export function allowedTransitions(status: WorkOrderStatus): AllowedTransition[] {
  return Object.entries(TRANSITIONS[status]).map(([action, to]) => ({ action: action as WorkOrderAction, to: to as WorkOrderStatus }));
}

export type TransitionResult =
  | { ok: true; to: WorkOrderStatus }
  | { ok: false; message: string; allowed: AllowedTransition[] };

/** The status an action leads to, or why it is not allowed from `status`. */
export function transition(status: WorkOrderStatus, action: WorkOrderAction): TransitionResult {
  const to = TRANSITIONS[status][action];
  if (to) return { ok: true, to };
  const allowed = allowedTransitions(status);
  const options = allowed.length > 0 ? allowed.map((t) => `${t.action} (→ ${t.to})`).join(', ') : 'none, the work order is final';
  return { ok: false, message: `Cannot ${action} a work order that is ${status}; allowed: ${options}`, allowed };
}

export const FINISHED_STATUSES: readonly WorkOrderStatus[] = ['completed', 'cancelled'];
export const ACTIVE_STATUSES: readonly WorkOrderStatus[] = ['open', 'assigned', 'in_progress'];
