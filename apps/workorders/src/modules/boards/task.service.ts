import { Inject, Injectable } from '@nestjs/common';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { OrgCaller, Page, orderRecord, pageOf, pageParams } from '@quartier/contracts-shared';
import {
  CreateTaskDto,
  TASK_SORT_FIELDS,
  TaskDetailView,
  TaskExportView,
  TaskFilterDto,
  TaskQueryDto,
  TaskStatisticsView,
  TaskView,
  UpdateTaskRequest,
  WorkOrderErrorCode,
} from '@quartier/contracts-workorders';
import { OrgScopedRepository } from '@quartier/db';
import { allowListedSort, notFound, rpcError, validationFailed } from '@quartier/messaging';
import { WorkOrderEntity } from '../work-orders/work-order.entity';
import { BoardEntity, SubtaskEntity, TaskEntity } from './board.entity';
import { BoardService } from './board.service';
import { toSubtaskView, toTaskView } from './board.view';
import { toCsv } from './csv';
import { TaskStatsRow, computeTaskStatistics } from './task-statistics';

/** At most this many rows in one CSV export. */
const EXPORT_LIMIT = 10_000;

const IN_TERMINAL_COLUMN =
  'EXISTS (SELECT 1 FROM board_columns c WHERE c.board_id = t.board_id AND c.key = t.column_key AND c.terminal)';

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

@Injectable()
export class TaskService {
  private readonly tasks: OrgScopedRepository<TaskEntity>;
  private readonly subtasks: OrgScopedRepository<SubtaskEntity>;
  private readonly workOrders: OrgScopedRepository<WorkOrderEntity>;

  constructor(
    @Inject(DataSource) dataSource: DataSource,
    private readonly boards: BoardService,
  ) {
    this.tasks = new OrgScopedRepository(TaskEntity, dataSource.manager);
    this.subtasks = new OrgScopedRepository(SubtaskEntity, dataSource.manager);
    this.workOrders = new OrgScopedRepository(WorkOrderEntity, dataSource.manager);
  }

  async list(caller: OrgCaller, query: TaskQueryDto): Promise<Page<TaskView>> {
    const { page, size } = pageParams(query);
    const order = orderRecord(allowListedSort(query.sort, TASK_SORT_FIELDS, '-createdAt'));
    const builder = this.filtered(caller.organizationId, query);
    for (const [field, direction] of Object.entries(order)) builder.addOrderBy(`t.${field}`, direction);
    const [rows, total] = await builder
      .skip((page - 1) * size)
      .take(size)
      .getManyAndCount();
    return pageOf(rows.map(toTaskView), total, page, size);
  }

  async get(caller: OrgCaller, id: string): Promise<TaskDetailView> {
    const task = await this.require(caller.organizationId, id);
    const subtasks = await this.subtasks.find(caller.organizationId, { taskId: id }, { position: 'ASC' });
    return { ...toTaskView(task), subtasks: subtasks.map(toSubtaskView) };
  }

  async create(caller: OrgCaller, dto: CreateTaskDto): Promise<TaskView> {
    const board: BoardEntity = dto.boardId
      ? await this.boards.require(caller.organizationId, dto.boardId).catch(() => {
          throw validationFailed([{ field: 'boardId', message: 'no such board' }]);
        })
      : await this.boards.defaultBoard(caller.organizationId);
    await this.assertWorkOrder(caller.organizationId, dto.workOrderId);
    const columns = await this.boards.columnsOf(caller.organizationId, board.id);
    const column = dto.columnKey ? columns.find((c) => c.key === dto.columnKey) : columns[0];
    if (!column) throw validationFailed([{ field: 'columnKey', message: `board has no column ${dto.columnKey}` }]);
    const inColumn = await this.tasks.count(caller.organizationId, { boardId: board.id, columnKey: column.key });
    if (column.wipLimit !== null && inColumn >= column.wipLimit) {
      throw rpcError(409, WorkOrderErrorCode.WIP_LIMIT_REACHED, `Column ${column.key} is at its WIP limit of ${column.wipLimit}`, {
        column: column.key,
        wipLimit: column.wipLimit,
      });
    }
    const task = await this.tasks.insert(caller.organizationId, {
      boardId: board.id,
      columnKey: column.key,
      position: inColumn,
      title: dto.title,
      description: dto.description ?? null,
      priority: dto.priority ?? 'medium',
      assigneeId: dto.assigneeId ?? null,
      dueDate: dto.dueDate ?? null,
      labels: dto.labels ?? [],
      storyPoints: dto.storyPoints ?? null,
      propertyId: dto.propertyId ?? null,
      unitId: dto.unitId ?? null,
      contactId: dto.contactId ?? null,
      workOrderId: dto.workOrderId ?? null,
      completedAt: column.terminal ? new Date() : null,
      createdByUserId: caller.userId,
    });
    return toTaskView(task);
  }

  async update(caller: OrgCaller, request: UpdateTaskRequest): Promise<TaskView> {
    const { id, ...changes } = request;
    const task = await this.require(caller.organizationId, id);
    await this.assertWorkOrder(caller.organizationId, changes.workOrderId);
    Object.assign(task, changes);
    return toTaskView(await this.tasks.save(caller.organizationId, task));
  }

  async delete(caller: OrgCaller, id: string): Promise<void> {
    if (!(await this.tasks.deleteById(caller.organizationId, id))) throw notFound('Task', id);
  }

  async statistics(caller: OrgCaller, filter: TaskFilterDto): Promise<TaskStatisticsView> {
    const rows: { columnKey: string; terminal: boolean; priority: TaskStatsRow['priority']; assigneeId: string | null; dueDate: string | null }[] =
      await this.filtered(caller.organizationId, filter)
        .select('t.column_key', 'columnKey')
        .addSelect(IN_TERMINAL_COLUMN, 'terminal')
        .addSelect('t.priority', 'priority')
        .addSelect('t.assignee_id', 'assigneeId')
        .addSelect("to_char(t.due_date, 'YYYY-MM-DD')", 'dueDate')
        .getRawMany();
    return computeTaskStatistics(rows, today());
  }

  async export(caller: OrgCaller, filter: TaskFilterDto): Promise<TaskExportView> {
    const rows = await this.filtered(caller.organizationId, filter).orderBy('t.board_id').addOrderBy('t.column_key').addOrderBy('t.position').take(EXPORT_LIMIT).getMany();
    const header = [
      'id', 'boardId', 'status', 'position', 'title', 'description', 'priority', 'assigneeId', 'dueDate', 'labels',
      'storyPoints', 'propertyId', 'unitId', 'contactId', 'workOrderId', 'completedAt', 'createdAt',
    ];
    const content = toCsv(
      header,
      rows.map((t) => [
        t.id, t.boardId, t.columnKey, t.position, t.title, t.description, t.priority, t.assigneeId, t.dueDate, t.labels.join(';'),
        t.storyPoints, t.propertyId, t.unitId, t.contactId, t.workOrderId, t.completedAt?.toISOString(), t.createdAt.toISOString(),
      ]),
    );
    return { filename: `tasks-${today()}.csv`, contentType: 'text/csv', content };
  }

  async require(organizationId: string, id: string): Promise<TaskEntity> {
    const task = await this.tasks.findById(organizationId, id);
    if (!task) throw notFound('Task', id);
    return task;
  }

  private async assertWorkOrder(organizationId: string, workOrderId: string | undefined): Promise<void> {
    if (workOrderId && !(await this.workOrders.exists(organizationId, { id: workOrderId }))) {
      throw validationFailed([{ field: 'workOrderId', message: 'no such work order' }]);
    }
  }

  private filtered(organizationId: string, filter: TaskFilterDto): SelectQueryBuilder<TaskEntity> {
    const builder = this.tasks.query(organizationId, 't');
    if (filter.boardId) builder.andWhere('t.board_id = :boardId', { boardId: filter.boardId });
    if (filter.status) builder.andWhere('t.column_key = :status', { status: filter.status });
    if (filter.priority) builder.andWhere('t.priority = :priority', { priority: filter.priority });
    if (filter.assigneeId) builder.andWhere('t.assignee_id = :assigneeId', { assigneeId: filter.assigneeId });
    if (filter.label) builder.andWhere(':label = ANY(t.labels)', { label: filter.label });
    if (filter.workOrderId) builder.andWhere('t.work_order_id = :workOrderId', { workOrderId: filter.workOrderId });
    if (filter.search) builder.andWhere("t.title ILIKE :search ESCAPE '\\'", { search: `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    if (filter.overdue !== undefined) {
      const overdue = `(t.due_date < :today AND NOT ${IN_TERMINAL_COLUMN})`;
      builder.andWhere(filter.overdue ? overdue : `NOT COALESCE(${overdue}, false)`, { today: today() });
    }
    return builder;
  }
}
