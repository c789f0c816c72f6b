import { Inject, Injectable } from '@nestjs/common';
import { DataSource, ILike, In } from 'typeorm';
import { OrgCaller, Page, orderRecord, pageOf, pageParams } from '@quartier/contracts-shared';
import {
  CONTRACTOR_SORT_FIELDS,
  ContractorQueryDto,
  ContractorView,
  CreateContractorDto,
  UpdateContractorRequest,
  WorkOrderErrorCode,
} from '@quartier/contracts-workorders';
import { OrgScopedRepository } from '@quartier/db';
import { allowListedSort, notFound, rpcError } from '@quartier/messaging';
import { WORKORDERS_CONFIG, WorkordersConfig } from '../../workorders.config';
import { WorkOrderEntity } from '../work-orders/work-order.entity';
import { ContractorEntity } from './contractor.entity';

interface WorkOrderCounts {
  open: number;
  completed: number;
}

@Injectable()
export class ContractorService {
  private readonly contractors: OrgScopedRepository<ContractorEntity>;
  private readonly workOrders: OrgScopedRepository<WorkOrderEntity>;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(WORKORDERS_CONFIG) private readonly config: WorkordersConfig,
  ) {
    this.contractors = new OrgScopedRepository(ContractorEntity, dataSource.manager);
    this.workOrders = new OrgScopedRepository(WorkOrderEntity, dataSource.manager);
  }

  async list(caller: OrgCaller, query: ContractorQueryDto): Promise<Page<ContractorView>> {
    const { page, size } = pageParams(query);
    const order = orderRecord(allowListedSort(query.sort, CONTRACTOR_SORT_FIELDS, 'name'));
    const base = {
      ...(query.trade ? { trade: query.trade } : {}),
      ...(query.active !== undefined ? { active: query.active } : {}),
    };
    const where = query.search
      ? [
          { ...base, name: ILike(`%${escapeLike(query.search)}%`) },
          { ...base, contactName: ILike(`%${escapeLike(query.search)}%`) },
        ]
      : base;
    const [rows, total] = await this.contractors.findPage(caller.organizationId, { where, order, page, size });
    const counts = await this.countWorkOrders(caller.organizationId, rows.map((row) => row.id));
    return pageOf(
      rows.map((row) => toContractorView(row, counts.get(row.id))),
      total,
      page,
      size,
    );
  }

  async get(caller: OrgCaller, id: string): Promise<ContractorView> {
    const contractor = await this.require(caller.organizationId, id);
    const counts = await this.countWorkOrders(caller.organizationId, [id]);
    return toContractorView(contractor, counts.get(id));
  }

  async create(caller: OrgCaller, dto: CreateContractorDto): Promise<ContractorView> {
    const contractor = await this.contractors.insert(caller.organizationId, {
      name: dto.name,
      trade: dto.trade,
      contactName: dto.contactName ?? null,
      email: dto.email ?? null,
      phone: dto.phone ?? null,
      hourlyRateCents: dto.hourlyRateCents ?? null,
      currency: dto.currency ?? this.config.DEFAULT_CURRENCY,
      active: dto.active ?? true,
      notes: dto.notes ?? null,
    });
    return toContractorView(contractor);
  }

  async update(caller: OrgCaller, request: UpdateContractorRequest): Promise<ContractorView> {
    const contractor = await this.require(caller.organizationId, request.id);
    const { id, ...changes } = request;
    Object.assign(contractor, changes);
    await this.contractors.save(caller.organizationId, contractor);
    return this.get(caller, id);
  }

  /** A contractor with unfinished work orders stays: reassign or cancel them first (409). */
  async delete(caller: OrgCaller, id: string): Promise<void> {
    await this.require(caller.organizationId, id);
    const open = await this.workOrders.count(caller.organizationId, { contractorId: id, status: In(['assigned', 'in_progress']) });
    if (open > 0) {
      throw rpcError(409, WorkOrderErrorCode.CONTRACTOR_HAS_OPEN_WORK_ORDERS, `Contractor ${id} still has ${open} open work order(s)`, {
        openWorkOrders: open,
      });
    }
    await this.dataSource.transaction(async (manager) => {
      // Finished work orders keep their history but no longer point at the contractor.
      await manager.update(WorkOrderEntity, { organizationId: caller.organizationId, contractorId: id }, { contractorId: null });
      await this.contractors.withManager(manager).deleteById(caller.organizationId, id);
    });
  }

  /** The contractor of this organization, or 404 (also for another organization's id). */
  async require(organizationId: string, id: string): Promise<ContractorEntity> {
    const contractor = await this.contractors.findById(organizationId, id);
    if (!contractor) throw notFound('Contractor', id);
    return contractor;
  }

  private async countWorkOrders(organizationId: string, ids: string[]): Promise<Map<string, WorkOrderCounts>> {
    const counts = new Map<string, WorkOrderCounts>();
    if (ids.length === 0) return counts;
    const rows: { contractorId: string; open: string; completed: string }[] = await this.workOrders
      .query(organizationId, 'w')
      .select('w.contractor_id', 'contractorId')
      .addSelect(`count(*) FILTER (WHERE w.status IN ('assigned', 'in_progress'))`, 'open')
      .addSelect(`count(*) FILTER (WHERE w.status = 'completed')`, 'completed')
      .andWhere('w.contractor_id IN (:...ids)', { ids })
      .groupBy('w.contractor_id')
      .getRawMany();
    for (const row of rows) counts.set(row.contractorId, { open: Number(row.open), completed: Number(row.completed) });
    return counts;
  }
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

export function toContractorView(row: ContractorEntity, counts: WorkOrderCounts = { open: 0, completed: 0 }): ContractorView {
  return {
    id: row.id,
    name: row.name,
    trade: row.trade,
    contactName: row.contactName,
    email: row.email,
    phone: row.phone,
    hourlyRateCents: row.hourlyRateCents,
    currency: row.currency,
    active: row.active,
    notes: row.notes,
    openWorkOrders: counts.open,
    completedWorkOrders: counts.completed,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
