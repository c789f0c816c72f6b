import { MaterialView, TimelineEntryView, WorkOrderTaskView, WorkOrderView } from '@quartier/contracts-workorders';
import { isSlaBreached } from './sla';
import { WorkOrderEntity, WorkOrderEventEntity, WorkOrderMaterialEntity, WorkOrderTaskEntity } from './work-order.entity';
import { extendedCostCents } from './materials';

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

export function toWorkOrderView(row: WorkOrderEntity, now: Date = new Date()): WorkOrderView {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    status: row.status,
    priority: row.priority,
    category: row.category,
    unitId: row.unitId,
    propertyId: row.propertyId,
    contractorId: row.contractorId,
    requestedByUserId: row.requestedByUserId ?? '',
    source: row.source,
    sourceAlertId: row.sourceAlertId,
    estimatedCostCents: row.estimatedCostCents,
    actualCostCents: row.actualCostCents,
    currency: row.currency,
    resolutionNotes: row.resolutionNotes,
    cancellationReason: row.cancellationReason,
    scheduledFor: iso(row.scheduledFor),
    dueAt: row.dueAt.toISOString(),
    slaBreached: isSlaBreached(row, now),
    assignedAt: iso(row.assignedAt),
    startedAt: iso(row.startedAt),
    completedAt: iso(row.completedAt),
    cancelledAt: iso(row.cancelledAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toTaskView(row: WorkOrderTaskEntity): WorkOrderTaskView {
  return { id: row.id, title: row.title, done: row.done, position: row.position };
}

export function toMaterialView(row: WorkOrderMaterialEntity): MaterialView {
  return {
    id: row.id,
    name: row.name,
    quantity: row.quantity,
    unit: row.unit,
    unitCostCents: row.unitCostCents,
    extendedCostCents: extendedCostCents(row.quantity, row.unitCostCents),
  };
}

export function toTimelineView(row: WorkOrderEventEntity): TimelineEntryView {
  return {
    id: row.id,
    type: row.type,
    actorUserId: row.actorUserId,
    note: row.note,
    data: row.data,
    occurredAt: row.occurredAt.toISOString(),
  };
}
