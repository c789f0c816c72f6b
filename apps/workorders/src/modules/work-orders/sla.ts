import { WorkOrderPriority, WorkOrderStatus } from '@quartier/contracts-workorders';

/** Hours from creation until a work order of each priority must be done. */
export type SlaHours = Record<WorkOrderPriority, number>;

export const DEFAULT_SLA_HOURS: SlaHours = { emergency: 4, high: 24, normal: 72, low: 168 };

export function slaDueAt(createdAt: Date, priority: WorkOrderPriority, hours: SlaHours = DEFAULT_SLA_HOURS): Date {
  return new Date(createdAt.getTime() + hours[priority] * 3_600_000);
}

export interface SlaSubject {
  status: WorkOrderStatus;
  dueAt: Date;
  completedAt: Date | null;
}

/** Breached: completed after the due time, or still unfinished past it. Cancelled ones never count. */
export function isSlaBreached(order: SlaSubject, now: Date = new Date()): boolean {
  if (order.status === 'cancelled') return false;
  if (order.status === 'completed') return order.completedAt !== null && order.completedAt > order.dueAt;
  return now > order.dueAt;
}

/** Unfinished and past the due time. */
export function isOverdue(order: SlaSubject, now: Date = new Date()): boolean {
  return order.status !== 'completed' && order.status !== 'cancelled' && now > order.dueAt;
}
