import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Caller, PageQueryDto } from '@quartier/contracts-shared';
import {
  AddSubtaskDto,
  CreateTaskDto,
  MoveTaskDto,
  SubtaskView,
  TaskCommentDto,
  TaskCommentPageView,
  TaskCommentView,
  TaskDetailView,
  TaskExportView,
  TaskFilterDto,
  TaskPageView,
  TaskQueryDto,
  TaskStatisticsView,
  TaskSubjects,
  TaskView,
  UpdateSubtaskDto,
  UpdateTaskDto,
} from '@quartier/contracts-workorders';
import { RpcClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { UuidParam } from '../../platform/validation';
import { RequestCaller } from '../../security/caller.decorator';

@ApiTags('tasks')
@ApiAuthenticated()
@Controller('tasks')
export class TasksController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'List tasks (board, status, priority, assignee, label, work order, overdue, search)' })
  @ApiOkResponse({ type: TaskPageView })
  @ApiProblems(422)
  list(@Query() query: TaskQueryDto, @RequestCaller() caller: Caller): Promise<TaskPageView> {
    return this.rpc.request(TaskSubjects.list, query, caller);
  }

  @Post()
  @ApiOperation({ summary: "Create a task (on the organization's default board when no board is given)" })
  @ApiCreatedResponse({ type: TaskView })
  @ApiProblems(409, 422)
  create(@Body() dto: CreateTaskDto, @RequestCaller() caller: Caller): Promise<TaskView> {
    return this.rpc.request(TaskSubjects.create, dto, caller);
  }

  @Get('statistics')
  @ApiOperation({ summary: 'Tasks by status, priority and assignee, overdue count and completion rate' })
  @ApiOkResponse({ type: TaskStatisticsView })
  @ApiProblems(422)
  statistics(@Query() filter: TaskFilterDto, @RequestCaller() caller: Caller): Promise<TaskStatisticsView> {
    return this.rpc.request(TaskSubjects.statistics, filter, caller);
  }

  @Get('export')
  @ApiOperation({ summary: 'Export the filtered tasks as CSV' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV with a header row', schema: { type: 'string' } })
  @ApiProblems(422)
  async export(@Query() filter: TaskFilterDto, @RequestCaller() caller: Caller, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const file = await this.rpc.request<TaskExportView>(TaskSubjects.export, filter, caller);
    reply.header('Content-Type', 'text/csv; charset=utf-8');
    reply.header('Content-Disposition', `attachment; filename="${file.filename}"`);
    return file.content;
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a task with its subtasks' })
  @ApiOkResponse({ type: TaskDetailView })
  @ApiProblems(404, 422)
  get(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<TaskDetailView> {
    return this.rpc.request(TaskSubjects.get, { id }, caller);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Update a task' })
  @ApiOkResponse({ type: TaskView })
  @ApiProblems(404, 422)
  replace(@UuidParam() id: string, @Body() dto: UpdateTaskDto, @RequestCaller() caller: Caller): Promise<TaskView> {
    return this.rpc.request(TaskSubjects.update, { ...dto, id }, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update some fields of a task' })
  @ApiOkResponse({ type: TaskView })
  @ApiProblems(404, 422)
  update(@UuidParam() id: string, @Body() dto: UpdateTaskDto, @RequestCaller() caller: Caller): Promise<TaskView> {
    return this.rpc.request(TaskSubjects.update, { ...dto, id }, caller);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a task' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404, 422)
  async remove(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<void> {
    await this.rpc.request(TaskSubjects.delete, { id }, caller);
  }

  @Patch(':id/move')
  @ApiOperation({ summary: 'Move a task to a column and position (409 past the WIP limit or from a column the target does not accept)' })
  @ApiOkResponse({ type: TaskView })
  @ApiProblems(404, 409, 422)
  move(@UuidParam() id: string, @Body() dto: MoveTaskDto, @RequestCaller() caller: Caller): Promise<TaskView> {
    return this.rpc.request(TaskSubjects.move, { ...dto, id }, caller);
  }

  @Post(':id/subtasks')
  @ApiOperation({ summary: 'Add a subtask' })
  @ApiCreatedResponse({ type: SubtaskView })
  @ApiProblems(404, 422)
  addSubtask(@UuidParam() id: string, @Body() dto: AddSubtaskDto, @RequestCaller() caller: Caller): Promise<SubtaskView> {
    return this.rpc.request(TaskSubjects.addSubtask, { ...dto, id }, caller);
  }

  @Patch(':id/subtasks/:subtaskId')
  @ApiOperation({ summary: 'Rename or tick off a subtask' })
  @ApiOkResponse({ type: SubtaskView })
  @ApiProblems(404, 422)
  updateSubtask(
    @UuidParam() id: string,
    @UuidParam('subtaskId') subtaskId: string,
    @Body() dto: UpdateSubtaskDto,
    @RequestCaller() caller: Caller,
  ): Promise<SubtaskView> {
    return this.rpc.request(TaskSubjects.updateSubtask, { ...dto, id, subtaskId }, caller);
  }

  @Delete(':id/subtasks/:subtaskId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a subtask' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404, 422)
  async removeSubtask(@UuidParam() id: string, @UuidParam('subtaskId') subtaskId: string, @RequestCaller() caller: Caller): Promise<void> {
    await this.rpc.request(TaskSubjects.removeSubtask, { id, subtaskId }, caller);
  }

  @Post(':id/comments')
  @ApiOperation({ summary: 'Comment on a task' })
  @ApiCreatedResponse({ type: TaskCommentView })
  @ApiProblems(404, 422)
  comment(@UuidParam() id: string, @Body() dto: TaskCommentDto, @RequestCaller() caller: Caller): Promise<TaskCommentView> {
    return this.rpc.request(TaskSubjects.comment, { ...dto, id }, caller);
  }

  @Get(':id/comments')
  @ApiOperation({ summary: 'Comments of a task, oldest first' })
  @ApiOkResponse({ type: TaskCommentPageView })
  @ApiProblems(404, 422)
  comments(@UuidParam() id: string, @Query() query: PageQueryDto, @RequestCaller() caller: Caller): Promise<TaskCommentPageView> {
    return this.rpc.request(TaskSubjects.comments, { ...query, id }, caller);
  }
}
