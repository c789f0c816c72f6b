import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrgCaller } from '@quartier/contracts-shared';
import {
  AddMaterialRequest,
  AddWorkOrderTaskRequest,
  CommentWorkOrderRequest,
  MaterialIdRequest,
  MaterialView,
  TimelineEntryView,
  UpdateWorkOrderTaskRequest,
  WorkOrderDetailView,
  WorkOrderTaskIdRequest,
  WorkOrderTaskView,
} from '@quartier/contracts-workorders';
import { OrgScopedRepository } from '@quartier/db';
import { notFound } from '@quartier/messaging';
import { totalMaterialsCents } from './materials';
import { WorkOrderEventEntity, WorkOrderMaterialEntity, WorkOrderTaskEntity } from './work-order.entity';
import { WorkOrderService } from './work-order.service';
import { recordTimeline } from './work-order-timeline';
import { toMaterialView, toTaskView, toTimelineView, toWorkOrderView } from './work-order.view';

/** What hangs off a work order: its timeline and comments, checklist tasks and materials. */
@Injectable()
export class WorkOrderItemsService {
  private readonly events: OrgScopedRepository<WorkOrderEventEntity>;
  private readonly tasks: OrgScopedRepository<WorkOrderTaskEntity>;
  private readonly materials: OrgScopedRepository<WorkOrderMaterialEntity>;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly workOrders: WorkOrderService,
  ) {
    this.events = new OrgScopedRepository(WorkOrderEventEntity, dataSource.manager);
    this.tasks = new OrgScopedRepository(WorkOrderTaskEntity, dataSource.manager);
    this.materials = new OrgScopedRepository(WorkOrderMaterialEntity, dataSource.manager);
  }

  async detail(caller: OrgCaller, id: string): Promise<WorkOrderDetailView> {
    const row = await this.workOrders.requireVisible(caller, id);
    const [tasks, materials] = await Promise.all([
      this.tasks.find(caller.organizationId, { workOrderId: id }, { position: 'ASC' }),
      this.materials.find(caller.organizationId, { workOrderId: id }, { createdAt: 'ASC' }),
    ]);
    return {
      ...toWorkOrderView(row),
      tasks: tasks.map(toTaskView),
      materials: materials.map(toMaterialView),
      materialsCostCents: totalMaterialsCents(materials),
    };
  }

  async timeline(caller: OrgCaller, id: string): Promise<TimelineEntryView[]> {
    await this.workOrders.requireVisible(caller, id);
    const rows = await this.events.find(caller.organizationId, { workOrderId: id }, { occurredAt: 'ASC', id: 'ASC' });
    return rows.map(toTimelineView);
  }

  /** Residents may comment on their own requests; staff on any. Comments live in the timeline. */
  async comment(caller: OrgCaller, request: CommentWorkOrderRequest): Promise<TimelineEntryView> {
    this.workOrders.assertCanFile(caller);
    await this.workOrders.requireVisible(caller, request.id);
    const entry = await recordTimeline(this.dataSource.manager, caller.organizationId, request.id, {
      type: 'commented',
      actorUserId: caller.userId,
      note: request.body,
    });
    return toTimelineView(entry);
  }

  async addTask(caller: OrgCaller, request: AddWorkOrderTaskRequest): Promise<WorkOrderTaskView> {
    this.workOrders.assertStaff(caller);
    await this.workOrders.requireVisible(caller, request.id);
    const position = await this.tasks.count(caller.organizationId, { workOrderId: request.id });
    const row = await this.tasks.insert(caller.organizationId, { workOrderId: request.id, title: request.title, done: false, position });
    return toTaskView(row);
  }

  async updateTask(caller: OrgCaller, request: UpdateWorkOrderTaskRequest): Promise<WorkOrderTaskView> {
    this.workOrders.assertStaff(caller);
    const row = await this.requireTask(caller, request);
    if (request.title !== undefined) row.title = request.title;
    if (request.done !== undefined) row.done = request.done;
    await this.tasks.save(caller.organizationId, row);
    return toTaskView(row);
  }

  async removeTask(caller: OrgCaller, request: WorkOrderTaskIdRequest): Promise<void> {
    this.workOrders.assertStaff(caller);
    await this.requireTask(caller, request);
    await this.tasks.deleteById(caller.organizationId, request.taskId);
  }

  async addMaterial(caller: OrgCaller, request: AddMaterialRequest): Promise<MaterialView> {
    this.workOrders.assertStaff(caller);
    await this.workOrders.requireVisible(caller, request.id);
    const row = await this.dataSource.transaction(async (manager) => {
      const material = await this.materials.withManager(manager).insert(caller.organizationId, {
        workOrderId: request.id,
        name: request.name,
        quantity: request.quantity,
        unit: request.unit ?? null,
        unitCostCents: request.unitCostCents,
      });
      await recordTimeline(manager, caller.organizationId, request.id, {
        type: 'material_added',
        actorUserId: caller.userId,
        data: { name: request.name, quantity: request.quantity, unitCostCents: request.unitCostCents },
      });
      return material;
    });
    return toMaterialView(row);
  }

  async removeMaterial(caller: OrgCaller, request: MaterialIdRequest): Promise<void> {
    this.workOrders.assertStaff(caller);
    await this.workOrders.requireVisible(caller, request.id);
    const deleted = await this.materials.deleteWhere(caller.organizationId, { id: request.materialId, workOrderId: request.id });
    if (deleted === 0) throw notFound('Material', request.materialId);
  }

  private async requireTask(caller: OrgCaller, request: WorkOrderTaskIdRequest): Promise<WorkOrderTaskEntity> {
    await this.workOrders.requireVisible(caller, request.id);
    const row = await this.tasks.findOne(caller.organizationId, { id: request.taskId, workOrderId: request.id });
    if (!row) throw notFound('Work order task', request.taskId);
    return row;
  }
}
