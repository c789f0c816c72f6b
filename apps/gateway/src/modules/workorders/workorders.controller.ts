import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScopes } from '@quartier/auth';
import { Caller, PageQueryDto } from '@quartier/contracts-shared';
import {
  AddMaterialDto,
  AddWorkOrderTaskDto,
  AssignWorkOrderDto,
  CancelWorkOrderDto,
  CommentWorkOrderDto,
  CompleteWorkOrderDto,
  CreateWorkOrderDto,
  MaterialView,
  StartWorkOrderDto,
  TimelineEntryView,
  UpdateWorkOrderDto,
  UpdateWorkOrderTaskDto,
  WorkOrderDetailView,
  WorkOrderPageView,
  WorkOrderQueryDto,
  WorkOrderStatsView,
  WorkOrderSubjects,
  WorkOrderTaskView,
  WorkOrderView,
} from '@quartier/contracts-workorders';
import { RpcClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { UuidParam } from '../../platform/validation';
import { RequestCaller } from '../../security/caller.decorator';

@ApiTags('workorders')
@ApiAuthenticated()
@Controller('workorders')
export class WorkOrdersController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'List work orders (status, priority, category, unit, property, contractor, overdue; residents see their own)' })
  @ApiOkResponse({ type: WorkOrderPageView })
  @ApiProblems(422)
  list(@Query() query: WorkOrderQueryDto, @RequestCaller() caller: Caller): Promise<WorkOrderPageView> {
    return this.rpc.request(WorkOrderSubjects.list, query, caller);
  }

  @Post()
  @RequireScopes('read')
  @ApiOperation({
    summary: 'Create a work order; its SLA due time follows from the priority',
    description: 'Residents may file one for a unit they hold an active lease on (422 otherwise); other roles need the write scope.',
  })
  @ApiCreatedResponse({ type: WorkOrderView })
  @ApiProblems(422)
  create(@Body() dto: CreateWorkOrderDto, @RequestCaller() caller: Caller): Promise<WorkOrderView> {
    return this.rpc.request(WorkOrderSubjects.create, dto, caller);
  }

  @Get('urgent')
  @ApiOperation({ summary: 'Unfinished work orders that are high priority, emergencies or past their SLA, soonest due first' })
  @ApiOkResponse({ type: WorkOrderPageView })
  @ApiProblems(422)
  urgent(@Query() query: PageQueryDto, @RequestCaller() caller: Caller): Promise<WorkOrderPageView> {
    return this.rpc.request(WorkOrderSubjects.urgent, query, caller);
  }

  @Get('stats')
  @ApiOperation({ summary: 'Counts by status, priority and category, average completion days, estimated vs actual cost, SLA breaches' })
  @ApiOkResponse({ type: WorkOrderStatsView })
  @ApiProblems()
  stats(@RequestCaller() caller: Caller): Promise<WorkOrderStatsView> {
    return this.rpc.request(WorkOrderSubjects.stats, {}, caller);
  }

  @Get('unit/:unitId')
  @ApiOperation({ summary: 'Work orders of one unit' })
  @ApiOkResponse({ type: WorkOrderPageView })
  @ApiProblems(422)
  byUnit(@UuidParam('unitId') unitId: string, @Query() query: PageQueryDto, @RequestCaller() caller: Caller): Promise<WorkOrderPageView> {
    return this.rpc.request(WorkOrderSubjects.byUnit, { ...query, unitId }, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a work order with its tasks and materials' })
  @ApiOkResponse({ type: WorkOrderDetailView })
  @ApiProblems(404, 422)
  get(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<WorkOrderDetailView> {
    return this.rpc.request(WorkOrderSubjects.get, { id }, caller);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Update a work order (a new priority recomputes the SLA due time)' })
  @ApiOkResponse({ type: WorkOrderView })
  @ApiProblems(404, 409, 422)
  replace(@UuidParam() id: string, @Body() dto: UpdateWorkOrderDto, @RequestCaller() caller: Caller): Promise<WorkOrderView> {
    return this.rpc.request(WorkOrderSubjects.update, { ...dto, id }, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update some fields of a work order' })
  @ApiOkResponse({ type: WorkOrderView })
  @ApiProblems(404, 409, 422)
  update(@UuidParam() id: string, @Body() dto: UpdateWorkOrderDto, @RequestCaller() caller: Caller): Promise<WorkOrderView> {
    return this.rpc.request(WorkOrderSubjects.update, { ...dto, id }, caller);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a work order' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404, 422)
  async remove(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<void> {
    await this.rpc.request(WorkOrderSubjects.delete, { id }, caller);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @ApiOperation({ summary: 'Assign (or reassign) to a contractor: open/assigned → assigned (409 naming the allowed transitions otherwise)' })
  @ApiOkResponse({ type: WorkOrderView })
  @ApiProblems(404, 409, 422)
  assign(@UuidParam() id: string, @Body() dto: AssignWorkOrderDto, @RequestCaller() caller: Caller): Promise<WorkOrderView> {
    return this.rpc.request(WorkOrderSubjects.assign, { ...dto, id }, caller);
  }

  @Post(':id/start')
  @HttpCode(200)
  @ApiOperation({ summary: 'Start work: assigned → in_progress' })
  @ApiOkResponse({ type: WorkOrderView })
  @ApiProblems(404, 409, 422)
  start(@UuidParam() id: string, @Body() dto: StartWorkOrderDto, @RequestCaller() caller: Caller): Promise<WorkOrderView> {
    return this.rpc.request(WorkOrderSubjects.start, { ...dto, id }, caller);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'Complete with actual cost and resolution notes: in_progress → completed' })
  @ApiOkResponse({ type: WorkOrderView })
  @ApiProblems(404, 409, 422)
  complete(@UuidParam() id: string, @Body() dto: CompleteWorkOrderDto, @RequestCaller() caller: Caller): Promise<WorkOrderView> {
    return this.rpc.request(WorkOrderSubjects.complete, { ...dto, id }, caller);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel with a reason (from open, assigned or in_progress)' })
  @ApiOkResponse({ type: WorkOrderView })
  @ApiProblems(404, 409, 422)
  cancel(@UuidParam() id: string, @Body() dto: CancelWorkOrderDto, @RequestCaller() caller: Caller): Promise<WorkOrderView> {
    return this.rpc.request(WorkOrderSubjects.cancel, { ...dto, id }, caller);
  }

  @Post(':id/comment')
  @RequireScopes('read')
  @ApiOperation({ summary: 'Comment on a work order (residents on their own requests)' })
  @ApiCreatedResponse({ type: TimelineEntryView })
  @ApiProblems(404, 422)
  comment(@UuidParam() id: string, @Body() dto: CommentWorkOrderDto, @RequestCaller() caller: Caller): Promise<TimelineEntryView> {
    return this.rpc.request(WorkOrderSubjects.comment, { ...dto, id }, caller);
  }

  @Get(':id/timeline')
  @ApiOperation({ summary: 'Everything that happened to a work order, oldest first' })
  @ApiOkResponse({ type: [TimelineEntryView] })
  @ApiProblems(404, 422)
  timeline(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<TimelineEntryView[]> {
    return this.rpc.request(WorkOrderSubjects.timeline, { id }, caller);
  }

  @Post(':id/tasks')
  @ApiOperation({ summary: 'Add a checklist task to a work order' })
  @ApiCreatedResponse({ type: WorkOrderTaskView })
  @ApiProblems(404, 422)
  addTask(@UuidParam() id: string, @Body() dto: AddWorkOrderTaskDto, @RequestCaller() caller: Caller): Promise<WorkOrderTaskView> {
    return this.rpc.request(WorkOrderSubjects.addTask, { ...dto, id }, caller);
  }

  @Patch(':id/tasks/:taskId')
  @ApiOperation({ summary: 'Rename or tick off a checklist task' })
  @ApiOkResponse({ type: WorkOrderTaskView })
  @ApiProblems(404, 422)
  updateTask(
    @UuidParam() id: string,
    @UuidParam('taskId') taskId: string,
    @Body() dto: UpdateWorkOrderTaskDto,
    @RequestCaller() caller: Caller,
  ): Promise<WorkOrderTaskView> {
    return this.rpc.request(WorkOrderSubjects.updateTask, { ...dto, id, taskId }, caller);
  }

  @Delete(':id/tasks/:taskId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a checklist task' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404, 422)
  async removeTask(@UuidParam() id: string, @UuidParam('taskId') taskId: string, @RequestCaller() caller: Caller): Promise<void> {
    await this.rpc.request(WorkOrderSubjects.removeTask, { id, taskId }, caller);
  }

  @Post(':id/materials')
  @ApiOperation({ summary: 'Add a material line (extended cost = quantity × unit cost)' })
  @ApiCreatedResponse({ type: MaterialView })
  @ApiProblems(404, 422)
  addMaterial(@UuidParam() id: string, @Body() dto: AddMaterialDto, @RequestCaller() caller: Caller): Promise<MaterialView> {
    return this.rpc.request(WorkOrderSubjects.addMaterial, { ...dto, id }, caller);
  }

  @Delete(':id/materials/:materialId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a material line' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404, 422)
  async removeMaterial(@UuidParam() id: string, @UuidParam('materialId') materialId: string, @RequestCaller() caller: Caller): Promise<void> {
    await this.rpc.request(WorkOrderSubjects.removeMaterial, { id, materialId }, caller);
  }
}
