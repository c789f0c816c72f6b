import { Body, Controller, Delete, Get, HttpCode, Patch } from '@nestjs/common';
import { ApiExtension, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller } from '@quartier/contracts-shared';
import { TimelineEntryView, UpdateWorkOrderTaskDto, WorkOrderOperations, WorkOrderTaskView } from '@quartier/contracts-workorders';
import { OperationClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { UuidParam } from '../../platform/validation';
import { RequestCaller } from '../../security/caller.decorator';

/**
 * The work order routes the route factory cannot express yet, under the generated controller's
 * name so their operationIds stay.
 */
@ApiTags('workorders')
@ApiAuthenticated()
@Controller('workorders')
export class WorkOrdersController {
  constructor(private readonly operations: OperationClient) {}

  // Hand-written: the timeline answers a bare array, which the factory cannot document.
  @Get(':id/timeline')
  @ApiOperation({ summary: 'Everything that happened to a work order, oldest first' })
  @ApiOkResponse({ type: [TimelineEntryView] })
  @ApiProblems(404, 422)
  @ApiExtension('x-quartier-access', WorkOrderOperations.timeline.access)
  timeline(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<TimelineEntryView[]> {
    return this.operations.send(WorkOrderOperations.timeline, { id }, caller);
  }

  // Hand-written: the factory documents two path ids in reverse order, which would swap them in generated clients.
  @Patch(':id/tasks/:taskId')
  @ApiOperation({ summary: 'Rename or tick off a checklist task' })
  @ApiOkResponse({ type: WorkOrderTaskView })
  @ApiProblems(404, 422)
  @ApiExtension('x-quartier-access', WorkOrderOperations.updateTask.access)
  updateTask(
    @UuidParam() id: string,
    @UuidParam('taskId') taskId: string,
    @Body() dto: UpdateWorkOrderTaskDto,
    @RequestCaller() caller: Caller,
  ): Promise<WorkOrderTaskView> {
    return this.operations.send(WorkOrderOperations.updateTask, { ...dto, id, taskId }, caller);
  }

  // Hand-written: two path ids (see updateTask).
  @Delete(':id/tasks/:taskId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a checklist task' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404, 422)
  @ApiExtension('x-quartier-access', WorkOrderOperations.removeTask.access)
  async removeTask(@UuidParam() id: string, @UuidParam('taskId') taskId: string, @RequestCaller() caller: Caller): Promise<void> {
    await this.operations.send(WorkOrderOperations.removeTask, { id, taskId }, caller);
  }

  // Hand-written: two path ids (see updateTask).
  @Delete(':id/materials/:materialId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a material line' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404, 422)
  @ApiExtension('x-quartier-access', WorkOrderOperations.removeMaterial.access)
  async removeMaterial(@UuidParam() id: string, @UuidParam('materialId') materialId: string, @RequestCaller() caller: Caller): Promise<void> {
    await this.operations.send(WorkOrderOperations.removeMaterial, { id, materialId }, caller);
  }
}
