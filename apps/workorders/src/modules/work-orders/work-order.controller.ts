import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { OrgCaller, Page, PageQueryDto } from '@quartier/contracts-shared';
import {
  AddMaterialRequest,
  AddWorkOrderTaskRequest,
  AssignWorkOrderRequest,
  CancelWorkOrderRequest,
  CommentWorkOrderRequest,
  CompleteWorkOrderRequest,
  CreateWorkOrderDto,
  DeletedView,
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
  WorkOrderOperations,
  WorkOrderTaskIdRequest,
  WorkOrderTaskView,
  WorkOrderView,
} from '@quartier/contracts-workorders';
import { CurrentCaller, HandlesOperation } from '@quartier/messaging';
import { WorkOrderItemsService } from './work-order-items.service';
import { WorkOrderService } from './work-order.service';

@Controller()
export class WorkOrderController {
  constructor(
    private readonly workOrders: WorkOrderService,
    private readonly items: WorkOrderItemsService,
  ) {}

  @HandlesOperation(WorkOrderOperations.list)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: WorkOrderQueryDto): Promise<Page<WorkOrderView>> {
    return this.workOrders.list(caller, query);
  }

  @HandlesOperation(WorkOrderOperations.urgent)
  urgent(@CurrentCaller() caller: OrgCaller, @Payload() query: PageQueryDto): Promise<Page<WorkOrderView>> {
    return this.workOrders.urgent(caller, query);
  }

  @HandlesOperation(WorkOrderOperations.byUnit)
  byUnit(@CurrentCaller() caller: OrgCaller, @Payload() request: UnitWorkOrdersRequest): Promise<Page<WorkOrderView>> {
    return this.workOrders.list(caller, request);
  }

  @HandlesOperation(WorkOrderOperations.stats)
  stats(@CurrentCaller() caller: OrgCaller): Promise<WorkOrderStatsView> {
    this.workOrders.assertStaff(caller);
    return this.workOrders.stats(caller);
  }

  @HandlesOperation(WorkOrderOperations.get)
  get(@CurrentCaller() caller: OrgCaller, @Payload() request: WorkOrderIdRequest): Promise<WorkOrderDetailView> {
    return this.items.detail(caller, request.id);
  }

  @HandlesOperation(WorkOrderOperations.create)
  create(@CurrentCaller() caller: OrgCaller, @Payload() dto: CreateWorkOrderDto): Promise<WorkOrderView> {
    return this.workOrders.create(caller, dto);
  }

  @HandlesOperation(WorkOrderOperations.update)
  update(@CurrentCaller() caller: OrgCaller, @Payload() request: UpdateWorkOrderRequest): Promise<WorkOrderView> {
    return this.workOrders.update(caller, request);
  }

  @HandlesOperation(WorkOrderOperations.delete)
  async delete(@CurrentCaller() caller: OrgCaller, @Payload() request: WorkOrderIdRequest): Promise<DeletedView> {
    await this.workOrders.delete(caller, request.id);
    return { deleted: true };
  }

  @HandlesOperation(WorkOrderOperations.assign)
  assign(@CurrentCaller() caller: OrgCaller, @Payload() request: AssignWorkOrderRequest): Promise<WorkOrderView> {
    return this.workOrders.assign(caller, request);
  }

  @HandlesOperation(WorkOrderOperations.start)
  start(@CurrentCaller() caller: OrgCaller, @Payload() request: StartWorkOrderRequest): Promise<WorkOrderView> {
    return this.workOrders.start(caller, request);
  }

  @HandlesOperation(WorkOrderOperations.complete)
  complete(@CurrentCaller() caller: OrgCaller, @Payload() request: CompleteWorkOrderRequest): Promise<WorkOrderView> {
    return this.workOrders.complete(caller, request);
  }

  @HandlesOperation(WorkOrderOperations.cancel)
  cancel(@CurrentCaller() caller: OrgCaller, @Payload() request: CancelWorkOrderRequest): Promise<WorkOrderView> {
    return this.workOrders.cancel(caller, request);
  }

  @HandlesOperation(WorkOrderOperations.comment)
  comment(@CurrentCaller() caller: OrgCaller, @Payload() request: CommentWorkOrderRequest): Promise<TimelineEntryView> {
    return this.items.comment(caller, request);
  }

  @HandlesOperation(WorkOrderOperations.timeline)
  timeline(@CurrentCaller() caller: OrgCaller, @Payload() request: WorkOrderIdRequest): Promise<TimelineEntryView[]> {
    return this.items.timeline(caller, request.id);
  }

  @HandlesOperation(WorkOrderOperations.addTask)
  addTask(@CurrentCaller() caller: OrgCaller, @Payload() request: AddWorkOrderTaskRequest): Promise<WorkOrderTaskView> {
    return this.items.addTask(caller, request);
  }

  @HandlesOperation(WorkOrderOperations.updateTask)
  updateTask(@CurrentCaller() caller: OrgCaller, @Payload() request: UpdateWorkOrderTaskRequest): Promise<WorkOrderTaskView> {
    return this.items.updateTask(caller, request);
  }

  @HandlesOperation(WorkOrderOperations.removeTask)
  async removeTask(@CurrentCaller() caller: OrgCaller, @Payload() request: WorkOrderTaskIdRequest): Promise<DeletedView> {
    await this.items.removeTask(caller, request);
    return { deleted: true };
  }

  @HandlesOperation(WorkOrderOperations.addMaterial)
  addMaterial(@CurrentCaller() caller: OrgCaller, @Payload() request: AddMaterialRequest): Promise<MaterialView> {
    return this.items.addMaterial(caller, request);
  }

  @HandlesOperation(WorkOrderOperations.removeMaterial)
  async removeMaterial(@CurrentCaller() caller: OrgCaller, @Payload() request: MaterialIdRequest): Promise<DeletedView> {
    await this.items.removeMaterial(caller, request);
    return { deleted: true };
  }
}
