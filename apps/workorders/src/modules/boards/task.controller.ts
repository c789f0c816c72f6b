import { Controller, UseGuards } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { OrgCaller, Page } from '@quartier/contracts-shared';
import {
  AddSubtaskRequest,
  CreateTaskDto,
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
  TaskSubjects,
  TaskView,
  UpdateSubtaskRequest,
  UpdateTaskRequest,
} from '@quartier/contracts-workorders';
import { CurrentCaller, StaffOnlyGuard } from '@quartier/messaging';
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

  @MessagePattern(TaskSubjects.list)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: TaskQueryDto): Promise<Page<TaskView>> {
    return this.tasks.list(caller, query);
  }

  @MessagePattern(TaskSubjects.get)
  get(@CurrentCaller() caller: OrgCaller, @Payload() request: TaskIdRequest): Promise<TaskDetailView> {
    return this.tasks.get(caller, request.id);
  }

  @MessagePattern(TaskSubjects.create)
  create(@CurrentCaller() caller: OrgCaller, @Payload() dto: CreateTaskDto): Promise<TaskView> {
    return this.tasks.create(caller, dto);
  }

  @MessagePattern(TaskSubjects.update)
  update(@CurrentCaller() caller: OrgCaller, @Payload() request: UpdateTaskRequest): Promise<TaskView> {
    return this.tasks.update(caller, request);
  }

  @MessagePattern(TaskSubjects.delete)
  async delete(@CurrentCaller() caller: OrgCaller, @Payload() request: TaskIdRequest): Promise<{ deleted: true }> {
    await this.tasks.delete(caller, request.id);
    return { deleted: true };
  }

  @MessagePattern(TaskSubjects.move)
  move(@CurrentCaller() caller: OrgCaller, @Payload() request: MoveTaskRequest): Promise<TaskView> {
    return this.board.move(caller, request);
  }

  @MessagePattern(TaskSubjects.statistics)
  statistics(@CurrentCaller() caller: OrgCaller, @Payload() filter: TaskFilterDto): Promise<TaskStatisticsView> {
    return this.tasks.statistics(caller, filter);
  }

  @MessagePattern(TaskSubjects.export)
  export(@CurrentCaller() caller: OrgCaller, @Payload() filter: TaskFilterDto): Promise<TaskExportView> {
    return this.tasks.export(caller, filter);
  }

  @MessagePattern(TaskSubjects.addSubtask)
  addSubtask(@CurrentCaller() caller: OrgCaller, @Payload() request: AddSubtaskRequest): Promise<SubtaskView> {
    return this.items.addSubtask(caller, request);
  }

  @MessagePattern(TaskSubjects.updateSubtask)
  updateSubtask(@CurrentCaller() caller: OrgCaller, @Payload() request: UpdateSubtaskRequest): Promise<SubtaskView> {
    return this.items.updateSubtask(caller, request);
  }

  @MessagePattern(TaskSubjects.removeSubtask)
  async removeSubtask(@CurrentCaller() caller: OrgCaller, @Payload() request: SubtaskIdRequest): Promise<{ deleted: true }> {
    await this.items.removeSubtask(caller, request);
    return { deleted: true };
  }

  @MessagePattern(TaskSubjects.comment)
  comment(@CurrentCaller() caller: OrgCaller, @Payload() request: TaskCommentRequest): Promise<TaskCommentView> {
    return this.items.comment(caller, request);
  }

  @MessagePattern(TaskSubjects.comments)
  comments(@CurrentCaller() caller: OrgCaller, @Payload() request: TaskCommentsRequest): Promise<Page<TaskCommentView>> {
    return this.items.list(caller, request);
  }
}
