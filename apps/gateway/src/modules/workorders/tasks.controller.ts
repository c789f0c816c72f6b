import { Body, Controller, Delete, Get, HttpCode, Patch, Query, Res } from '@nestjs/common';
import { ApiExtension, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Caller } from '@quartier/contracts-shared';
import { SubtaskView, TaskFilterDto, TaskOperations, UpdateSubtaskDto } from '@quartier/contracts-workorders';
import { OperationClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { UuidParam } from '../../platform/validation';
import { RequestCaller } from '../../security/caller.decorator';

/**
 * The task routes the route factory cannot express yet, under the generated controller's name so
 * their operationIds stay.
 */
@ApiTags('tasks')
@ApiAuthenticated()
@Controller('tasks')
export class TasksController {
  constructor(private readonly operations: OperationClient) {}

  // Hand-written: a CSV download with its own headers, not a JSON body.
  @Get('export')
  @ApiOperation({ summary: 'Export the filtered tasks as CSV' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV with a header row', schema: { type: 'string' } })
  @ApiProblems(422)
  @ApiExtension('x-quartier-access', TaskOperations.export.access)
  async export(@Query() filter: TaskFilterDto, @RequestCaller() caller: Caller, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const file = await this.operations.send(TaskOperations.export, filter, caller);
    reply.header('Content-Type', 'text/csv; charset=utf-8');
    reply.header('Content-Disposition', `attachment; filename="${file.filename}"`);
    return file.content;
  }

  // Hand-written: the factory documents two path ids in reverse order, which would swap them in generated clients.
  @Patch(':id/subtasks/:subtaskId')
  @ApiOperation({ summary: 'Rename or tick off a subtask' })
  @ApiOkResponse({ type: SubtaskView })
  @ApiProblems(404, 422)
  @ApiExtension('x-quartier-access', TaskOperations.updateSubtask.access)
  updateSubtask(
    @UuidParam() id: string,
    @UuidParam('subtaskId') subtaskId: string,
    @Body() dto: UpdateSubtaskDto,
    @RequestCaller() caller: Caller,
  ): Promise<SubtaskView> {
    return this.operations.send(TaskOperations.updateSubtask, { ...dto, id, subtaskId }, caller);
  }

  // Hand-written: two path ids (see updateSubtask).
  @Delete(':id/subtasks/:subtaskId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a subtask' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404, 422)
  @ApiExtension('x-quartier-access', TaskOperations.removeSubtask.access)
  async removeSubtask(@UuidParam() id: string, @UuidParam('subtaskId') subtaskId: string, @RequestCaller() caller: Caller): Promise<void> {
    await this.operations.send(TaskOperations.removeSubtask, { id, subtaskId }, caller);
  }
}
