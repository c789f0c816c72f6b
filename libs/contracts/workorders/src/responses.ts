import { ApiProperty } from '@nestjs/swagger';
import { CONTRACTOR_TRADES, ContractorTrade } from './contractor.dto';
import { TASK_PRIORITIES, TaskPriority } from './task.dto';
import {
  WORK_ORDER_CATEGORIES,
  WORK_ORDER_PRIORITIES,
  WORK_ORDER_STATUSES,
  WorkOrderCategory,
  WorkOrderPriority,
  WorkOrderStatus,
} from './work-order.dto';

/** Response shapes: classes so the gateway documents them in OpenAPI. */
const counts = (description: string) => ({ type: 'object', additionalProperties: { type: 'integer' }, description }) as const;
const uuidOrNull = { format: 'uuid', type: String, nullable: true } as const;
const dateTimeOrNull = { format: 'date-time', type: String, nullable: true } as const;

class PageMeta {
  @ApiProperty({ example: 42 }) total!: number;
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 20 }) size!: number;
  @ApiProperty({ example: 3 }) pages!: number;
}

export class WorkOrderTaskView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() done!: boolean;
  @ApiProperty() position!: number;
}

export class MaterialView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty({ type: String, nullable: true }) unit!: string | null;
  @ApiProperty() unitCostCents!: number;
  @ApiProperty({ description: 'quantity × unit cost, rounded to whole cents' }) extendedCostCents!: number;
}

export class WorkOrderView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ enum: WORK_ORDER_STATUSES }) status!: WorkOrderStatus;
  @ApiProperty({ enum: WORK_ORDER_PRIORITIES }) priority!: WorkOrderPriority;
  @ApiProperty({ enum: WORK_ORDER_CATEGORIES }) category!: WorkOrderCategory;
  @ApiProperty(uuidOrNull) unitId!: string | null;
  @ApiProperty(uuidOrNull) propertyId!: string | null;
  @ApiProperty(uuidOrNull) contractorId!: string | null;
  @ApiProperty({ format: 'uuid', description: 'Empty for work orders opened by iot (an alert or an automation rule)' }) requestedByUserId!: string;
  @ApiProperty({ enum: ['staff', 'resident', 'iot_alert', 'iot_rule'] }) source!: string;
  @ApiProperty(uuidOrNull) sourceAlertId!: string | null;
  @ApiProperty({ type: Number, nullable: true }) estimatedCostCents!: number | null;
  @ApiProperty({ type: Number, nullable: true }) actualCostCents!: number | null;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ type: String, nullable: true }) resolutionNotes!: string | null;
  @ApiProperty({ type: String, nullable: true }) cancellationReason!: string | null;
  @ApiProperty(dateTimeOrNull) scheduledFor!: string | null;
  @ApiProperty({ format: 'date-time', description: 'SLA due time (creation + the hours of the priority)' }) dueAt!: string;
  @ApiProperty({ description: 'Unfinished past the due time, or completed after it' }) slaBreached!: boolean;
  @ApiProperty(dateTimeOrNull) assignedAt!: string | null;
  @ApiProperty(dateTimeOrNull) startedAt!: string | null;
  @ApiProperty(dateTimeOrNull) completedAt!: string | null;
  @ApiProperty(dateTimeOrNull) cancelledAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class WorkOrderDetailView extends WorkOrderView {
  @ApiProperty({ type: [WorkOrderTaskView] }) tasks!: WorkOrderTaskView[];
  @ApiProperty({ type: [MaterialView] }) materials!: MaterialView[];
  @ApiProperty() materialsCostCents!: number;
}

export class WorkOrderPageView extends PageMeta {
  @ApiProperty({ type: [WorkOrderView] }) items!: WorkOrderView[];
}

export class TimelineEntryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'created, updated, assigned, started, completed, cancelled, commented, material_added' }) type!: string;
  @ApiProperty(uuidOrNull) actorUserId!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
}

export class WorkOrderStatsView {
  @ApiProperty() total!: number;
  @ApiProperty(counts('Work orders per status')) byStatus!: Record<WorkOrderStatus, number>;
  @ApiProperty(counts('Work orders per priority')) byPriority!: Record<WorkOrderPriority, number>;
  @ApiProperty(counts('Work orders per category')) byCategory!: Record<string, number>;
  @ApiProperty({ type: Number, nullable: true, description: 'Mean days from creation to completion' }) averageCompletionDays!: number | null;
  @ApiProperty({ description: 'Over completed work orders carrying both an estimate and an actual cost' }) estimatedCostCents!: number;
  @ApiProperty() actualCostCents!: number;
  @ApiProperty({ description: 'actual − estimated' }) costVarianceCents!: number;
  @ApiProperty() slaBreaches!: number;
  @ApiProperty({ description: 'open + assigned + in progress' }) open!: number;
  @ApiProperty() overdue!: number;
}

export class ContractorView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: CONTRACTOR_TRADES }) trade!: ContractorTrade;
  @ApiProperty({ type: String, nullable: true }) contactName!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: Number, nullable: true }) hourlyRateCents!: number | null;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  @ApiProperty({ description: 'Assigned or in progress' }) openWorkOrders!: number;
  @ApiProperty() completedWorkOrders!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ContractorPageView extends PageMeta {
  @ApiProperty({ type: [ContractorView] }) items!: ContractorView[];
}

export class BoardColumnView {
  @ApiProperty() key!: string;
  @ApiProperty() name!: string;
  @ApiProperty() position!: number;
  @ApiProperty({ type: Number, nullable: true }) wipLimit!: number | null;
  @ApiProperty() terminal!: boolean;
  @ApiProperty({ type: [String], nullable: true }) allowedFrom!: string[] | null;
  @ApiProperty() taskCount!: number;
}

export class BoardView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: [BoardColumnView] }) columns!: BoardColumnView[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class BoardPageView extends PageMeta {
  @ApiProperty({ type: [BoardView] }) items!: BoardView[];
}

export class SubtaskView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() done!: boolean;
  @ApiProperty() position!: number;
}

export class TaskView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) boardId!: string;
  @ApiProperty({ description: 'The key of the column the task is in' }) status!: string;
  @ApiProperty() position!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ enum: TASK_PRIORITIES }) priority!: TaskPriority;
  @ApiProperty(uuidOrNull) assigneeId!: string | null;
  @ApiProperty({ format: 'date', type: String, nullable: true }) dueDate!: string | null;
  @ApiProperty({ type: [String] }) labels!: string[];
  @ApiProperty({ type: Number, nullable: true }) storyPoints!: number | null;
  @ApiProperty(uuidOrNull) propertyId!: string | null;
  @ApiProperty(uuidOrNull) unitId!: string | null;
  @ApiProperty(uuidOrNull) contactId!: string | null;
  @ApiProperty(uuidOrNull) workOrderId!: string | null;
  @ApiProperty(dateTimeOrNull) completedAt!: string | null;
  @ApiProperty({ format: 'uuid' }) createdByUserId!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class TaskDetailView extends TaskView {
  @ApiProperty({ type: [SubtaskView] }) subtasks!: SubtaskView[];
}

export class TaskPageView extends PageMeta {
  @ApiProperty({ type: [TaskView] }) items!: TaskView[];
}

export class TaskCommentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) authorUserId!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class TaskCommentPageView extends PageMeta {
  @ApiProperty({ type: [TaskCommentView] }) items!: TaskCommentView[];
}

export class TaskStatisticsView {
  @ApiProperty() total!: number;
  @ApiProperty(counts('Tasks per column key')) byStatus!: Record<string, number>;
  @ApiProperty(counts('Tasks per priority')) byPriority!: Record<TaskPriority, number>;
  @ApiProperty(counts('Tasks per assignee user id; `unassigned` for none')) byAssignee!: Record<string, number>;
  @ApiProperty() overdue!: number;
  @ApiProperty() completed!: number;
  @ApiProperty({ description: 'completed / total (0..1)' }) completionRate!: number;
}

/** A CSV file on the bus; the gateway sends `content` as the download. */
export class TaskExportView {
  @ApiProperty({ example: 'tasks-2026-11-22.csv' }) filename!: string;
  @ApiProperty({ enum: ['text/csv'] }) contentType!: 'text/csv';
  @ApiProperty() content!: string;
}

/** The answer of a delete on the bus; the gateway answers 204 without a body. */
export class DeletedView {
  @ApiProperty({ enum: [true] }) deleted!: true;
}

/** The work order's timeline is answered as a bare array of its entries. */
export class TimelineView extends Array<TimelineEntryView> {}
