import { WorkOrderCategory, WorkOrderPriority, WorkOrderStatus } from './work-order.dto';

/** Domain events published by workorders (`<prefix>.events.<type>`). */
export const WorkOrderEvent = {
  CREATED: 'workorders.work-order.created',
  ASSIGNED: 'workorders.work-order.assigned',
  COMPLETED: 'workorders.work-order.completed',
  CANCELLED: 'workorders.work-order.cancelled',
} as const;
export type WorkOrderEventType = (typeof WorkOrderEvent)[keyof typeof WorkOrderEvent];

export const TaskEvent = {
  MOVED: 'workorders.task.moved',
} as const;

export interface WorkOrderEventPayload {
  workOrderId: string;
  title: string;
  status: WorkOrderStatus;
  priority: WorkOrderPriority;
  category: WorkOrderCategory;
  unitId: string | null;
  propertyId: string | null;
  contractorId: string | null;
  /** ISO timestamp of the SLA due time. */
  dueAt: string;
  /** Set on completion. */
  actualCostCents?: number | null;
  /** Set on cancellation. */
  reason?: string;
  /** The iot alert that opened the work order, if any. */
  sourceAlertId?: string | null;
}

export interface TaskMovedPayload {
  taskId: string;
  boardId: string;
  fromColumn: string;
  toColumn: string;
  position: number;
}
