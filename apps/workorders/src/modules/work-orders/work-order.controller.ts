import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { OrgCaller, Page, PageQueryDto } from '@quartier/contracts-shared';
import {
  AddMaterialRequest,
  AddWorkOrderTaskRequest,
  AssignWorkOrderRequest,
  CancelWorkOrderRequest,
  CommentWorkOrderRequest,
  CompleteWorkOrderRequest,
  CreateWorkOrderDto,
  MaterialIdRequest,
  MaterialView,
  StartWorkOrderRequest,
  TimelineEntryView,
  UnitWorkOrdersRequest,
  UpdateWorkOrderRequest,
  UpdateWorkOrderTaskRequest,
  WorkOrderDetailView,
  WorkOrderIdRequest,
  WorkOrderQueryDto,
  WorkOrderStatsView,
  WorkOrderSubjects,
  WorkOrderTaskIdRequest,
  WorkOrderTaskView,
  WorkOrderView,
} from '@quartier/contracts-workorders';
import { CurrentCaller } from '@quartier/messaging';
import { WorkOrderItemsService } from './work-order-items.service';
import { WorkOrderService } from './work-order.service';

@Controller()
export class WorkOrderController {
  constructor(
    private readonly workOrders: WorkOrderService,
    private readonly items: WorkOrderItemsService,
  ) {}

  @MessagePattern(WorkOrderSubjects.list)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: WorkOrderQueryDto): Promise<Page<WorkOrderView>> {
    return this.workOrders.list(caller, query);
  }

  @MessagePattern(WorkOrderSubjects.urgent)
  urgent(@CurrentCaller() caller: OrgCaller, @Payload() query: PageQueryDto): Promise<Page<WorkOrderView>> {
    return this.workOrders.urgent(caller, query);
  }

  @MessagePattern(WorkOrderSubjects.byUnit)
  byUnit(@CurrentCaller() caller: OrgCaller, @Payload() request: UnitWorkOrdersRequest): Promise<Page<WorkOrderView>> {
    return this.workOrders.list(caller, request);
  }

  @MessagePattern(WorkOrderSubjects.stats)
  stats(@CurrentCaller() caller: OrgCaller): Promise<WorkOrderStatsView> {
    this.workOrders.assertStaff(caller);
    return this.workOrders.stats(caller);
  }

  @MessagePattern(WorkOrderSubjects.get)
  get(@CurrentCaller() caller: OrgCaller, @Payload() request: WorkOrderIdRequest): Promise<WorkOrderDetailView> {
    return this.items.detail(caller, request.id);
  }

  @MessagePattern(WorkOrderSubjects.create)
  create(@CurrentCaller() caller: OrgCaller, @Payload() dto: CreateWorkOrderDto): Promise<WorkOrderView> {
    return this.workOrders.create(caller, dto);
  }

  @MessagePattern(WorkOrderSubjects.update)
  update(@CurrentCaller() caller: OrgCaller, @Payload() request: UpdateWorkOrderRequest): Promise<WorkOrderView> {
    return this.workOrders.update(caller, request);
  }

  @MessagePattern(WorkOrderSubjects.delete)
  async delete(@CurrentCaller() caller: OrgCaller, @Payload() request: WorkOrderIdRequest): Promise<{ deleted: true }> {
    await this.workOrders.delete(caller, request.id);
    return { deleted: true };
  }

  @MessagePattern(WorkOrderSubjects.assign)
  assign(@CurrentCaller() caller: OrgCaller, @Payload() request: AssignWorkOrderRequest): Promise<WorkOrderView> {
    return this.workOrders.assign(caller, request);
  }

  @MessagePattern(WorkOrderSubjects.start)
  start(@CurrentCaller() caller: OrgCaller, @Payload() request: StartWorkOrderRequest): Promise<WorkOrderView> {
    return this.workOrders.start(caller, request);
  }

  @MessagePattern(WorkOrderSubjects.complete)
  complete(@CurrentCaller() caller: OrgCaller, @Payload() request: CompleteWorkOrderRequest): Promise<WorkOrderView> {
    return this.workOrders.complete(caller, request);
  }

  @MessagePattern(WorkOrderSubjects.cancel)
  cancel(@CurrentCaller() caller: OrgCaller, @Payload() request: CancelWorkOrderRequest): Promise<WorkOrderView> {
    return this.workOrders.cancel(caller, request);
  }

  @MessagePattern(WorkOrderSubjects.comment)
  comment(@CurrentCaller() caller: OrgCaller, @Payload() request: CommentWorkOrderRequest): Promise<TimelineEntryView> {
    return this.items.comment(caller, request);
  }

  @MessagePattern(WorkOrderSubjects.timeline)
  timeline(@CurrentCaller() caller: OrgCaller, @Payload() request: WorkOrderIdRequest): Promise<TimelineEntryView[]> {
    return this.items.timeline(caller, request.id);
  }

  @MessagePattern(WorkOrderSubjects.addTask)
  addTask(@CurrentCaller() caller: OrgCaller, @Payload() request: AddWorkOrderTaskRequest): Promise<WorkOrderTaskView> {
    return this.items.addTask(caller, request);
  }

  @MessagePattern(WorkOrderSubjects.updateTask)
  updateTask(@CurrentCaller() caller: OrgCaller, @Payload() request: UpdateWorkOrderTaskRequest): Promise<WorkOrderTaskView> {
    return this.items.updateTask(caller, request);
  }

  @MessagePattern(WorkOrderSubjects.removeTask)
  async removeTask(@CurrentCaller() caller: OrgCaller, @Payload() request: WorkOrderTaskIdRequest): Promise<{ deleted: true }> {
    await this.items.removeTask(caller, request);
    return { deleted: true };
  }

  @MessagePattern(WorkOrderSubjects.addMaterial)
  addMaterial(@CurrentCaller() caller: OrgCaller, @Payload() request: AddMaterialRequest): Promise<MaterialView> {
    return this.items.addMaterial(caller, request);
  }

  @MessagePattern(WorkOrderSubjects.removeMaterial)
  async removeMaterial(@CurrentCaller() caller: OrgCaller, @Payload() request: MaterialIdRequest): Promise<{ deleted: true }> {
    await this.items.removeMaterial(caller, request);
    return { deleted: true };
  }
}
