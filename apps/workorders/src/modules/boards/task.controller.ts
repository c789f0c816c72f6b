import { Controller, UseGuards } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { OrgCaller, Page } from '@quartier/contracts-shared';
import {
  AddSubtaskRequest,
  CreateTaskDto,
  DeletedView,
  MoveTaskRequest,
  SubtaskIdRequest,
  SubtaskView,
  TaskCommentRequest,
  TaskCommentView,
  TaskCommentsRequest,
  TaskDetailView,
  TaskExportView,
  TaskFilterDto,
  TaskIdRequest,
  TaskQueryDto,
  TaskStatisticsView,
  TaskOperations,
  TaskView,
  UpdateSubtaskRequest,
  UpdateTaskRequest,
} from '@quartier/contracts-workorders';
import { CurrentCaller, HandlesOperation, StaffOnlyGuard } from '@quartier/messaging';
import { TaskBoardService } from './task-board.service';
import { TaskItemsService } from './task-items.service';
import { TaskService } from './task.service';

@Controller()
@UseGuards(StaffOnlyGuard)
export class TaskController {
  constructor(
    private readonly tasks: TaskService,
    private readonly board: TaskBoardService,
    private readonly items: TaskItemsService,
  ) {}

  @HandlesOperation(TaskOperations.list)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: TaskQueryDto): Promise<Page<TaskView>> {
    return this.tasks.list(caller, query);
  }

  @HandlesOperation(TaskOperations.get)
  get(@CurrentCaller() caller: OrgCaller, @Payload() request: TaskIdRequest): Promise<TaskDetailView> {
    return this.tasks.get(caller, request.id);
  }

  @HandlesOperation(TaskOperations.create)
  create(@CurrentCaller() caller: OrgCaller, @Payload() dto: CreateTaskDto): Promise<TaskView> {
    return this.tasks.create(caller, dto);
  }

  @HandlesOperation(TaskOperations.update)
  update(@CurrentCaller() caller: OrgCaller, @Payload() request: UpdateTaskRequest): Promise<TaskView> {
    return this.tasks.update(caller, request);
  }

  @HandlesOperation(TaskOperations.delete)
  async delete(@CurrentCaller() caller: OrgCaller, @Payload() request: TaskIdRequest): Promise<DeletedView> {
    await this.tasks.delete(caller, request.id);
    return { deleted: true };
  }

  @HandlesOperation(TaskOperations.move)
  move(@CurrentCaller() caller: OrgCaller, @Payload() request: MoveTaskRequest): Promise<TaskView> {
    return this.board.move(caller, request);
  }

  @HandlesOperation(TaskOperations.statistics)
  statistics(@CurrentCaller() caller: OrgCaller, @Payload() filter: TaskFilterDto): Promise<TaskStatisticsView> {
    return this.tasks.statistics(caller, filter);
  }

  @HandlesOperation(TaskOperations.export)
  export(@CurrentCaller() caller: OrgCaller, @Payload() filter: TaskFilterDto): Promise<TaskExportView> {
    return this.tasks.export(caller, filter);
  }

  @HandlesOperation(TaskOperations.addSubtask)
  addSubtask(@CurrentCaller() caller: OrgCaller, @Payload() request: AddSubtaskRequest): Promise<SubtaskView> {
    return this.items.addSubtask(caller, request);
  }

  @HandlesOperation(TaskOperations.updateSubtask)
  updateSubtask(@CurrentCaller() caller: OrgCaller, @Payload() request: UpdateSubtaskRequest): Promise<SubtaskView> {
    return this.items.updateSubtask(caller, request);
  }

  @HandlesOperation(TaskOperations.removeSubtask)
  async removeSubtask(@CurrentCaller() caller: OrgCaller, @Payload() request: SubtaskIdRequest): Promise<DeletedView> {
    await this.items.removeSubtask(caller, request);
    return { deleted: true };
  }

  @HandlesOperation(TaskOperations.comment)
  comment(@CurrentCaller() caller: OrgCaller, @Payload() request: TaskCommentRequest): Promise<TaskCommentView> {
    return this.items.comment(caller, request);
  }

  @HandlesOperation(TaskOperations.comments)
  comments(@CurrentCaller() caller: OrgCaller, @Payload() request: TaskCommentsRequest): Promise<Page<TaskCommentView>> {
    return this.items.list(caller, request);
  }
}
