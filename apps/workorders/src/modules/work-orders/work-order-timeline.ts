import { EntityManager } from 'typeorm';
import { WorkOrderEventEntity } from './work-order.entity';

export interface TimelineEntry {
  type: string;
  actorUserId: string | null;
  note?: string | null;
  data?: Record<string, unknown>;
}

/** Appends to a work order's timeline inside the caller's transaction. */
export async function recordTimeline(manager: EntityManager, organizationId: string, workOrderId: string, entry: TimelineEntry): Promise<WorkOrderEventEntity> {
  const row = manager.create(WorkOrderEventEntity, {
    organizationId,
    workOrderId,
    type: entry.type,
    actorUserId: entry.actorUserId,
    note: entry.note ?? null,
    data: entry.data ?? {},
  });
  return manager.save(row);
}
