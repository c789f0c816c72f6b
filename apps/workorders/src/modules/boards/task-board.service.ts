import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OrgCaller } from '@quartier/contracts-shared';
import { MoveTaskRequest, TaskEvent, TaskMovedPayload, TaskView, WorkOrderErrorCode } from '@quartier/contracts-workorders';
import { OrgScopedRepository, addToOutbox } from '@quartier/db';
import { notFound, rpcError, validationFailed } from '@quartier/messaging';
import { TaskEntity } from './board.entity';
import { BoardService } from './board.service';
import { toTaskView } from './board.view';
import { checkMove, placeTask } from './task-move-rules';

/** Moves tasks between and within columns, enforcing WIP limits and allowed source columns. */
@Injectable()
export class TaskBoardService {
  private readonly tasks: OrgScopedRepository<TaskEntity>;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly boards: BoardService,
  ) {
    this.tasks = new OrgScopedRepository(TaskEntity, dataSource.manager);
  }

  async move(caller: OrgCaller, request: MoveTaskRequest): Promise<TaskView> {
    const org = caller.organizationId;
    const task = await this.tasks.findById(org, request.id);
    if (!task) throw notFound('Task', request.id);
    const moved = await this.dataSource.transaction(async (manager) => {
      await this.boards.lock(manager, org, task.boardId);
      const tasks = this.tasks.withManager(manager);
      const current = await tasks.findById(org, task.id);
      if (!current) throw notFound('Task', task.id);
      const columns = await this.boards.columnsOf(org, current.boardId, manager);
      const from = columns.find((column) => column.key === current.columnKey);
      const to = columns.find((column) => column.key === request.columnKey);
      if (!to) {
        throw validationFailed([{ field: 'columnKey', message: `board has no column ${request.columnKey}; columns: ${columns.map((c) => c.key).join(', ')}` }]);
      }
      const others = (await tasks.find(org, { boardId: current.boardId, columnKey: to.key }, { position: 'ASC', createdAt: 'ASC' })).filter(
        (other) => other.id !== current.id,
      );
      const check = checkMove(current.columnKey, to, others.length);
      if (!check.ok) {
        const code = check.reason === 'wip_limit' ? WorkOrderErrorCode.WIP_LIMIT_REACHED : WorkOrderErrorCode.MOVE_NOT_ALLOWED;
        throw rpcError(409, code, check.message, check.details);
      }
      const fromKey = current.columnKey;
      const order = placeTask(others.map((other) => other.id), current.id, request.position);
      current.columnKey = to.key;
      if (to.terminal && !from?.terminal) current.completedAt = new Date();
      if (!to.terminal) current.completedAt = null;
      for (const [position, id] of order.entries()) {
        if (id === current.id) current.position = position;
        else await manager.update(TaskEntity, { id, organizationId: org }, { position });
      }
      const saved = await tasks.save(org, current);
      if (fromKey !== to.key) await this.compact(org, current.boardId, fromKey, manager);
      const payload: TaskMovedPayload = { taskId: current.id, boardId: current.boardId, fromColumn: fromKey, toColumn: to.key, position: current.position };
      await addToOutbox(manager, org, TaskEvent.MOVED, payload);
      return saved;
    });
    return toTaskView(moved);
  }

  /** Closes the gap a task leaves behind in its old column. */
  private async compact(org: string, boardId: string, columnKey: string, manager: EntityManager): Promise<void> {
    const tasks = this.tasks.withManager(manager);
    const remaining = await tasks.find(org, { boardId, columnKey }, { position: 'ASC', createdAt: 'ASC' });
    for (const [position, task] of remaining.entries()) {
      if (task.position !== position) await manager.update(TaskEntity, { id: task.id, organizationId: org }, { position });
    }
  }
}
