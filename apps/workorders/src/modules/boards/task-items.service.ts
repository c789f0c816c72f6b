import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrgCaller, Page, pageOf, pageParams } from '@quartier/contracts-shared';
import {
  AddSubtaskRequest,
  SubtaskIdRequest,
  SubtaskView,
  TaskCommentRequest,
  TaskCommentView,
  TaskCommentsRequest,
  UpdateSubtaskRequest,
} from '@quartier/contracts-workorders';
import { OrgScopedRepository } from '@quartier/db';
import { notFound } from '@quartier/messaging';
import { SubtaskEntity, TaskCommentEntity } from './board.entity';
import { toCommentView, toSubtaskView } from './board.view';
import { TaskService } from './task.service';

/** Subtasks (a checklist) and comments of a task. */
@Injectable()
export class TaskItemsService {
  private readonly subtasks: OrgScopedRepository<SubtaskEntity>;
  private readonly comments: OrgScopedRepository<TaskCommentEntity>;

  constructor(
    @Inject(DataSource) dataSource: DataSource,
    private readonly tasks: TaskService,
  ) {
    this.subtasks = new OrgScopedRepository(SubtaskEntity, dataSource.manager);
    this.comments = new OrgScopedRepository(TaskCommentEntity, dataSource.manager);
  }

  async addSubtask(caller: OrgCaller, request: AddSubtaskRequest): Promise<SubtaskView> {
    await this.tasks.require(caller.organizationId, request.id);
    const position = await this.subtasks.count(caller.organizationId, { taskId: request.id });
    const row = await this.subtasks.insert(caller.organizationId, { taskId: request.id, title: request.title, done: false, position });
    return toSubtaskView(row);
  }

  async updateSubtask(caller: OrgCaller, request: UpdateSubtaskRequest): Promise<SubtaskView> {
    const row = await this.requireSubtask(caller, request);
    if (request.title !== undefined) row.title = request.title;
    if (request.done !== undefined) row.done = request.done;
    return toSubtaskView(await this.subtasks.save(caller.organizationId, row));
  }

  async removeSubtask(caller: OrgCaller, request: SubtaskIdRequest): Promise<void> {
    await this.requireSubtask(caller, request);
    await this.subtasks.deleteById(caller.organizationId, request.subtaskId);
  }

  async comment(caller: OrgCaller, request: TaskCommentRequest): Promise<TaskCommentView> {
    await this.tasks.require(caller.organizationId, request.id);
    const row = await this.comments.insert(caller.organizationId, { taskId: request.id, authorUserId: caller.userId, body: request.body });
    return toCommentView(row);
  }

  async list(caller: OrgCaller, request: TaskCommentsRequest): Promise<Page<TaskCommentView>> {
    await this.tasks.require(caller.organizationId, request.id);
    const { page, size } = pageParams(request);
    const [rows, total] = await this.comments.findPage(caller.organizationId, {
      where: { taskId: request.id },
      order: { createdAt: 'ASC', id: 'ASC' },
      page,
      size,
    });
    return pageOf(rows.map(toCommentView), total, page, size);
  }

  private async requireSubtask(caller: OrgCaller, request: SubtaskIdRequest): Promise<SubtaskEntity> {
    await this.tasks.require(caller.organizationId, request.id);
    const row = await this.subtasks.findOne(caller.organizationId, { id: request.subtaskId, taskId: request.id });
    if (!row) throw notFound('Subtask', request.subtaskId);
    return row;
  }
}
