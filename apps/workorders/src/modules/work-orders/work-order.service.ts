import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, FindOptionsWhere, In, LessThan } from 'typeorm';
import { isResidentOnly } from '@quartier/auth';
import { DomainEvent, OrgCaller, Page, PageQueryDto, orderRecord, pageOf, pageParams } from '@quartier/contracts-shared';
import { AlertPayload, WorkOrderRequestedPayload } from '@quartier/contracts-iot';
import {
  AssignWorkOrderRequest,
  CancelWorkOrderRequest,
  CompleteWorkOrderRequest,
  CreateWorkOrderDto,
  StartWorkOrderRequest,
  UpdateWorkOrderRequest,
  WORK_ORDER_SORT_FIELDS,
  WorkOrderAction,
  WorkOrderEvent,
  WorkOrderEventPayload,
  WorkOrderPriority,
  WorkOrderQueryDto,
  WorkOrderStatsView,
  WorkOrderView,
} from '@quartier/contracts-workorders';
import { OrgScopedRepository, addToOutbox } from '@quartier/db';
import { allowListedSort, forbidden, notFound, validationFailed } from '@quartier/messaging';
import { WORKORDERS_CONFIG, WorkordersConfig } from '../../workorders.config';
import { ContractorService } from '../contractors/contractor.service';
import { ResidentLeaseService } from '../residents/resident-lease.service';
import { UnitDirectory } from '../units/unit-directory.service';
import { placeInUnit } from '../units/unit-placement';
import { alertWorkOrderDraft } from './alert-work-order';
import { ruleWorkOrderDraft } from './rule-work-order';
import { SlaHours, slaDueAt } from './sla';
import { WorkOrderEntity, WorkOrderSource } from './work-order.entity';
import { contractorInactive, finishedWorkOrder, illegalTransition, noActiveLease, unitRequiredForResident } from './work-order.errors';
import { computeWorkOrderStats } from './work-order-stats';
import { recordTimeline } from './work-order-timeline';
import { ACTIVE_STATUSES, FINISHED_STATUSES, transition } from './work-order-transitions';
import { toWorkOrderView } from './work-order.view';

interface Placement {
  unitId: string | null;
  propertyId: string | null;
}

/** A work order opened by iot rather than by a person. */
interface AutomaticDraft {
  source: WorkOrderSource;
  alertId: string | null;
  unitId: string | null;
  title: string;
  description: string;
  priority: WorkOrderPriority;
  data: Record<string, unknown>;
}

@Injectable()
export class WorkOrderService {
  private readonly workOrders: OrgScopedRepository<WorkOrderEntity>;
  private readonly slaHours: SlaHours;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(WORKORDERS_CONFIG) private readonly config: WorkordersConfig,
    private readonly contractors: ContractorService,
    private readonly residents: ResidentLeaseService,
    private readonly units: UnitDirectory,
  ) {
    this.workOrders = new OrgScopedRepository(WorkOrderEntity, dataSource.manager);
    this.slaHours = {
      emergency: config.SLA_HOURS_EMERGENCY,
      high: config.SLA_HOURS_HIGH,
      normal: config.SLA_HOURS_NORMAL,
      low: config.SLA_HOURS_LOW,
    };
  }

  async list(caller: OrgCaller, query: WorkOrderQueryDto): Promise<Page<WorkOrderView>> {
    const { page, size } = pageParams(query);
    const order = orderRecord(allowListedSort(query.sort, WORK_ORDER_SORT_FIELDS, '-createdAt'));
    const where: FindOptionsWhere<WorkOrderEntity> = {
      ...this.visibility(caller),
      ...(query.status ? { status: query.status } : {}),
      ...(query.priority ? { priority: query.priority } : {}),
      ...(query.category ? { category: query.category } : {}),
      ...(query.unitId ? { unitId: query.unitId } : {}),
      ...(query.propertyId ? { propertyId: query.propertyId } : {}),
      ...(query.contractorId ? { contractorId: query.contractorId } : {}),
    };
    if (query.overdue) {
      if (query.status && FINISHED_STATUSES.includes(query.status)) return pageOf([], 0, page, size);
      Object.assign(where, { status: query.status ?? In([...ACTIVE_STATUSES]), dueAt: LessThan(new Date()) });
    }
    const [rows, total] = await this.workOrders.findPage(caller.organizationId, { where, order, page, size });
    const now = new Date();
    return pageOf(rows.map((row) => toWorkOrderView(row, now)), total, page, size);
  }

  /** Unfinished work orders that are high priority, an emergency, or past their SLA, soonest due first. */
  async urgent(caller: OrgCaller, query: PageQueryDto): Promise<Page<WorkOrderView>> {
    const { page, size } = pageParams(query);
    const order = orderRecord(allowListedSort(query.sort, WORK_ORDER_SORT_FIELDS, 'dueAt'));
    const base = { ...this.visibility(caller), status: In([...ACTIVE_STATUSES]) };
    const where = [
      { ...base, priority: In(['high', 'emergency']) },
      { ...base, dueAt: LessThan(new Date()) },
    ];
    const [rows, total] = await this.workOrders.findPage(caller.organizationId, { where, order, page, size });
    return pageOf(rows.map((row) => toWorkOrderView(row)), total, page, size);
  }

  async stats(caller: OrgCaller): Promise<WorkOrderStatsView> {
    const rows = await this.workOrders
      .query(caller.organizationId, 'w')
      .select([
        'w.status',
        'w.priority',
        'w.category',
        'w.createdAt',
        'w.completedAt',
        'w.dueAt',
        'w.estimatedCostCents',
        'w.actualCostCents',
      ])
      .getMany();
    return computeWorkOrderStats(rows);
  }

  async create(caller: OrgCaller, dto: CreateWorkOrderDto): Promise<WorkOrderView> {
    this.assertCanFile(caller);
    const resident = isResidentOnly(caller.roles);
    if (resident) {
      if (!dto.unitId) throw unitRequiredForResident();
      if (!(await this.residents.hasActiveLease(caller, dto.unitId))) throw noActiveLease(dto.unitId);
    }
    // A resident's unit is vouched for by their lease; staff name units portfolio must know.
    const placement = resident ? { unitId: dto.unitId ?? null, propertyId: dto.propertyId ?? null } : await this.place(caller, dto.unitId, dto.propertyId);
    const priority = dto.priority ?? 'normal';
    const createdAt = new Date();
    const saved = await this.dataSource.transaction(async (manager) => {
      const row = await this.workOrders.withManager(manager).insert(caller.organizationId, {
        title: dto.title,
        description: dto.description ?? null,
        status: 'open',
        priority,
        category: dto.category ?? 'general',
        unitId: placement.unitId,
        propertyId: placement.propertyId,
        contractorId: null,
        requestedByUserId: caller.userId,
        source: resident ? 'resident' : 'staff',
        sourceAlertId: null,
        // A resident reports a problem; estimating its cost is the manager's job.
        estimatedCostCents: resident ? null : (dto.estimatedCostCents ?? null),
        currency: dto.currency ?? this.config.DEFAULT_CURRENCY,
        scheduledFor: dto.scheduledFor ? new Date(dto.scheduledFor) : null,
        createdAt,
        dueAt: slaDueAt(createdAt, priority, this.slaHours),
      });
      await this.recordCreated(manager, row, caller.userId);
      return row;
    });
    return toWorkOrderView(saved);
  }

  /** Opens a work order for an iot alert, once per alert; returns whether one was opened. */
  async openFromAlert(event: DomainEvent<AlertPayload>, manager: EntityManager): Promise<boolean> {
    const draft = alertWorkOrderDraft(event.payload ?? {});
    if (!draft) return false;
    return this.openAutomatically(manager, event.organizationId, { ...draft, source: 'iot_alert' });
  }

  /**
   * Opens the work order an automation rule asks for. When the same firing raised an alert, the
   * alert id is kept: whichever of the two events comes first opens the work order, the other finds
   * it through the unique (organization, alert) index and opens nothing.
   */
  async openFromRuleRequest(event: DomainEvent<WorkOrderRequestedPayload>, manager: EntityManager): Promise<boolean> {
    const draft = ruleWorkOrderDraft(event.payload ?? {});
    if (!draft) return false;
    return this.openAutomatically(manager, event.organizationId, { ...draft, source: 'iot_rule' });
  }

  private async openAutomatically(manager: EntityManager, organizationId: string, draft: AutomaticDraft): Promise<boolean> {
    const createdAt = new Date();
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(WorkOrderEntity)
      .values({
        organizationId,
        title: draft.title,
        description: draft.description || null,
        status: 'open',
        priority: draft.priority,
        category: 'general',
        unitId: draft.unitId,
        source: draft.source,
        sourceAlertId: draft.alertId,
        currency: this.config.DEFAULT_CURRENCY,
        createdAt,
        dueAt: slaDueAt(createdAt, draft.priority, this.slaHours),
      })
      // The unique (organization, alert) index makes a second event about the same alert a no-op.
      .orIgnore()
      .returning('id')
      .execute();
    const id = (inserted.raw as { id: string }[])[0]?.id;
    if (!id) return false;
    const row = await this.workOrders.withManager(manager).findById(organizationId, id);
    if (!row) return false;
    await this.recordCreated(manager, row, null, draft.data);
    return true;
  }

  async update(caller: OrgCaller, request: UpdateWorkOrderRequest): Promise<WorkOrderView> {
    this.assertStaff(caller);
    const { id, ...changes } = request;
    const placement = await this.placementForUpdate(caller, request);
    const saved = await this.dataSource.transaction(async (manager) => {
      const row = await this.lockVisible(manager, caller, id);
      if (FINISHED_STATUSES.includes(row.status)) throw finishedWorkOrder(id, row.status);
      const changed = Object.keys(changes).filter((key) => changes[key as keyof typeof changes] !== undefined);
      Object.assign(row, { ...changes, ...placement, scheduledFor: changes.scheduledFor ? new Date(changes.scheduledFor) : row.scheduledFor });
      if (changes.priority) row.dueAt = slaDueAt(row.createdAt, changes.priority, this.slaHours);
      await this.workOrders.withManager(manager).save(caller.organizationId, row);
      await recordTimeline(manager, caller.organizationId, id, { type: 'updated', actorUserId: caller.userId, data: { fields: changed } });
      return row;
    });
    return toWorkOrderView(saved);
  }

  async delete(caller: OrgCaller, id: string): Promise<void> {
    this.assertStaff(caller);
    await this.requireVisible(caller, id);
    await this.workOrders.deleteById(caller.organizationId, id);
  }

  async assign(caller: OrgCaller, request: AssignWorkOrderRequest): Promise<WorkOrderView> {
    this.assertStaff(caller);
    const contractor = await this.contractors.require(caller.organizationId, request.contractorId);
    if (!contractor.active) throw contractorInactive(contractor.id);
    return this.act(caller, request.id, 'assign', async (row, manager) => {
      const previousContractorId = row.contractorId;
      row.contractorId = contractor.id;
      row.assignedAt = new Date();
      await recordTimeline(manager, caller.organizationId, row.id, {
        type: 'assigned',
        actorUserId: caller.userId,
        note: request.note,
        data: { contractorId: contractor.id, contractorName: contractor.name, previousContractorId },
      });
      await addToOutbox(manager, caller.organizationId, WorkOrderEvent.ASSIGNED, eventPayload(row));
    });
  }

  async start(caller: OrgCaller, request: StartWorkOrderRequest): Promise<WorkOrderView> {
    this.assertStaff(caller);
    return this.act(caller, request.id, 'start', async (row, manager) => {
      row.startedAt = new Date();
      await recordTimeline(manager, caller.organizationId, row.id, { type: 'started', actorUserId: caller.userId, note: request.note });
    });
  }

  async complete(caller: OrgCaller, request: CompleteWorkOrderRequest): Promise<WorkOrderView> {
    this.assertStaff(caller);
    return this.act(caller, request.id, 'complete', async (row, manager) => {
      row.completedAt = new Date();
      row.actualCostCents = request.actualCostCents;
      row.resolutionNotes = request.resolutionNotes;
      await recordTimeline(manager, caller.organizationId, row.id, {
        type: 'completed',
        actorUserId: caller.userId,
        note: request.resolutionNotes,
        data: { actualCostCents: request.actualCostCents },
      });
      await addToOutbox(manager, caller.organizationId, WorkOrderEvent.COMPLETED, eventPayload(row));
    });
  }

  async cancel(caller: OrgCaller, request: CancelWorkOrderRequest): Promise<WorkOrderView> {
    this.assertStaff(caller);
    return this.act(caller, request.id, 'cancel', async (row, manager) => {
      row.cancelledAt = new Date();
      row.cancellationReason = request.reason;
      await recordTimeline(manager, caller.organizationId, row.id, { type: 'cancelled', actorUserId: caller.userId, note: request.reason });
      await addToOutbox(manager, caller.organizationId, WorkOrderEvent.CANCELLED, { ...eventPayload(row), reason: request.reason });
    });
  }

  /** The work order if the caller may see it: of their organization and, for a resident, their own; else 404. */
  async requireVisible(caller: OrgCaller, id: string, manager: EntityManager = this.dataSource.manager): Promise<WorkOrderEntity> {
    const row = await this.workOrders.withManager(manager).findOne(caller.organizationId, { id, ...this.visibility(caller) });
    if (!row) throw notFound('Work order', id);
    return row;
  }

  assertStaff(caller: OrgCaller): void {
    if (isResidentOnly(caller.roles)) throw forbidden('Residents may only file and comment on their own requests');
  }

  /** Filing and commenting: residents (on their own requests, checked elsewhere) or staff who may write. */
  assertCanFile(caller: OrgCaller): void {
    if (!isResidentOnly(caller.roles) && !caller.scopes.includes('write')) throw forbidden();
  }

  /** The unit (checked with portfolio) and its property; 422 on unitId for a unit portfolio does not know. */
  private async place(caller: OrgCaller, unitId?: string | null, propertyId?: string | null): Promise<Placement> {
    if (!unitId) return { unitId: null, propertyId: propertyId ?? null };
    const result = placeInUnit(unitId, await this.units.find(caller, unitId), propertyId);
    if (!result.ok) throw validationFailed(result.errors, result.errors.map((error) => error.message).join('; '));
    return { unitId: result.unitId, propertyId: result.propertyId };
  }

  /** A new unit brings its property; a new property alone must still be the property of the work order's unit. */
  private async placementForUpdate(caller: OrgCaller, request: UpdateWorkOrderRequest): Promise<Partial<Placement>> {
    if (request.unitId) return this.place(caller, request.unitId, request.propertyId);
    if (!request.propertyId) return {};
    const { unitId } = await this.requireVisible(caller, request.id);
    return unitId ? this.place(caller, unitId, request.propertyId) : {};
  }

  private visibility(caller: OrgCaller): FindOptionsWhere<WorkOrderEntity> {
    return isResidentOnly(caller.roles) ? { requestedByUserId: caller.userId } : {};
  }

  private async lockVisible(manager: EntityManager, caller: OrgCaller, id: string): Promise<WorkOrderEntity> {
    const row = await this.workOrders
      .withManager(manager)
      .query(caller.organizationId, 'w')
      .andWhere('w.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    if (!row) throw notFound('Work order', id);
    return row;
  }

  /** Applies a lifecycle action under a row lock, or answers 409 naming the allowed ones. */
  private async act(
    caller: OrgCaller,
    id: string,
    action: WorkOrderAction,
    apply: (row: WorkOrderEntity, manager: EntityManager) => Promise<void>,
  ): Promise<WorkOrderView> {
    const saved = await this.dataSource.transaction(async (manager) => {
      const row = await this.lockVisible(manager, caller, id);
      const result = transition(row.status, action);
      if (!result.ok) throw illegalTransition(row.status, action, result.message, result.allowed);
      row.status = result.to;
      await apply(row, manager);
      await this.workOrders.withManager(manager).save(caller.organizationId, row);
      return row;
    });
    return toWorkOrderView(saved);
  }

  private async recordCreated(manager: EntityManager, row: WorkOrderEntity, actorUserId: string | null, data: Record<string, unknown> = {}): Promise<void> {
    await recordTimeline(manager, row.organizationId, row.id, {
      type: 'created',
      actorUserId,
      data: { source: row.source, priority: row.priority, dueAt: row.dueAt.toISOString(), ...data },
    });
    await addToOutbox(manager, row.organizationId, WorkOrderEvent.CREATED, eventPayload(row));
  }
}

function eventPayload(row: WorkOrderEntity): WorkOrderEventPayload {
  return {
    workOrderId: row.id,
    title: row.title,
    status: row.status,
    priority: row.priority,
    category: row.category,
    unitId: row.unitId,
    propertyId: row.propertyId,
    contractorId: row.contractorId,
    dueAt: row.dueAt.toISOString(),
    actualCostCents: row.actualCostCents,
    sourceAlertId: row.sourceAlertId,
  };
}
