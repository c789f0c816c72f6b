import { Injectable } from '@nestjs/common';
import { DataSource, FindOptionsWhere } from 'typeorm';
import {
  CostForecastQueryDto,
  CostForecastView,
  CreateUtilityBillDto,
  CreateUtilityProviderDto,
  PayUtilityBillDto,
  UTILITY_BILL_SORT_FIELDS,
  UpdateUtilityBillDto,
  UpdateUtilityProviderDto,
  UsageAnalyticsQueryDto,
  UsageAnalyticsView,
  UtilityBillQueryDto,
  UtilityBillView,
  UtilityProviderView,
  UtilityType,
} from '@quartier/contracts-leasing';
import { isResidentOnly } from '@quartier/auth';
import { OrgCaller, Page, PageQueryDto, orderRecord, pageOf, pageParams } from '@quartier/contracts-shared';
import { OrgScopedRepository } from '@quartier/db';
import { allowListedSort, forbidden, notFound, validationFailed } from '@quartier/messaging';
import { UnitDirectory } from '../leases/unit-directory';
import { addMonths, monthStart } from '../shared/iso-date';
import { Today } from '../shared/today';
import { forecastCosts } from './cost-forecast';
import { usageAnalytics } from './usage-analytics';
import { UtilityBillEntity, UtilityProviderEntity } from './utility.entity';

@Injectable()
export class UtilityService {
  private readonly bills: OrgScopedRepository<UtilityBillEntity>;
  private readonly providers: OrgScopedRepository<UtilityProviderEntity>;

  constructor(
    dataSource: DataSource,
    private readonly today: Today,
    private readonly portfolio: UnitDirectory,
  ) {
    this.bills = new OrgScopedRepository(UtilityBillEntity, dataSource.manager);
    this.providers = new OrgScopedRepository(UtilityProviderEntity, dataSource.manager);
  }

  async list(caller: OrgCaller, query: UtilityBillQueryDto): Promise<Page<UtilityBillView>> {
    staffOnly(caller);
    const { page, size } = pageParams(query);
    const where: FindOptionsWhere<UtilityBillEntity> = {};
    if (query.propertyId) where.propertyId = query.propertyId;
    if (query.type) where.type = query.type;
    if (query.status) where.status = query.status;
    const order = orderRecord(allowListedSort(query.sort, UTILITY_BILL_SORT_FIELDS, '-periodStart'));
    const [rows, total] = await this.bills.findPage(caller.organizationId, { where, order, page, size });
    return pageOf(rows.map(toBillView), total, page, size);
  }

  byProperty(caller: OrgCaller, propertyId: string, query: PageQueryDto): Promise<Page<UtilityBillView>> {
    return this.list(caller, { ...query, propertyId });
  }

  async overdue(caller: OrgCaller, query: PageQueryDto): Promise<Page<UtilityBillView>> {
    staffOnly(caller);
    const { page, size } = pageParams(query);
    const [rows, total] = await this.bills
      .query(caller.organizationId, 'b')
      .andWhere("b.status = 'open'")
      .andWhere('b.due_date < :today', { today: this.today.get() })
      .orderBy('b.due_date', 'ASC')
      .addOrderBy('b.id', 'ASC')
      .skip((page - 1) * size)
      .take(size)
      .getManyAndCount();
    return pageOf(rows.map(toBillView), total, page, size);
  }

  async get(caller: OrgCaller, id: string): Promise<UtilityBillView> {
    return toBillView(await this.requireBill(caller, id));
  }

  async create(caller: OrgCaller, dto: CreateUtilityBillDto): Promise<UtilityBillView> {
    staffOnly(caller);
    assertPeriod(dto.periodStart, dto.periodEnd);
    if (dto.providerId) await this.requireProvider(caller, dto.providerId);
    await this.requirePlacement(caller, dto.propertyId, dto.unitId ?? null);
    const bill = await this.bills.insert(caller.organizationId, {
      ...dto,
      unitId: dto.unitId ?? null,
      providerId: dto.providerId ?? null,
      consumption: dto.consumption ?? null,
      consumptionUnit: dto.consumptionUnit ?? null,
      currency: dto.currency ?? 'EUR',
      status: 'open',
      paidOn: null,
      notes: dto.notes ?? null,
    });
    return toBillView(bill);
  }

  async update(caller: OrgCaller, id: string, dto: UpdateUtilityBillDto): Promise<UtilityBillView> {
    const bill = await this.requireBill(caller, id);
    if (dto.providerId) await this.requireProvider(caller, dto.providerId);
    Object.assign(bill, Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)));
    assertPeriod(bill.periodStart, bill.periodEnd);
    if (dto.propertyId !== undefined || dto.unitId !== undefined) await this.requirePlacement(caller, bill.propertyId, bill.unitId);
    return toBillView(await this.bills.save(caller.organizationId, bill));
  }

  /** The property must exist in this organization, and a unit named with it must belong to it. */
  private async requirePlacement(caller: OrgCaller, propertyId: string, unitId: string | null): Promise<void> {
    await this.portfolio.requireProperty(caller, propertyId);
    if (!unitId) return;
    const unit = await this.portfolio.requireUnit(caller, unitId);
    if (unit.propertyId !== propertyId) throw validationFailed([{ field: 'unitId', message: `Unit ${unitId} does not belong to property ${propertyId}` }]);
  }

  async remove(caller: OrgCaller, id: string): Promise<void> {
    await this.requireBill(caller, id);
    await this.bills.deleteById(caller.organizationId, id);
  }

  async pay(caller: OrgCaller, id: string, dto: PayUtilityBillDto): Promise<UtilityBillView> {
    const bill = await this.requireBill(caller, id);
    bill.status = 'paid';
    bill.paidOn = dto.paidOn ?? this.today.get();
    return toBillView(await this.bills.save(caller.organizationId, bill));
  }

  /** Consumption and cost per property, type and month, with the change against the month before. */
  async analytics(caller: OrgCaller, query: UsageAnalyticsQueryDto): Promise<UsageAnalyticsView> {
    staffOnly(caller);
    const to = query.to ?? this.today.get();
    const from = monthStart(query.from ?? addMonths(to, -12));
    // One month more of history so the first month has something to compare with.
    const bills = await this.history(caller, addMonths(from, -1), to, query.propertyId, query.type);
    const rows = usageAnalytics(bills).filter((row) => row.month >= from);
    return { from, to, rows: rows.map((row) => ({ ...row, type: row.type as UtilityType })) };
  }

  /** The next months' cost per property and type, fitted on up to a year of monthly history. */
  async forecast(caller: OrgCaller, query: CostForecastQueryDto): Promise<CostForecastView> {
    staffOnly(caller);
    const months = query.months ?? 3;
    const today = this.today.get();
    const bills = await this.history(caller, addMonths(monthStart(today), -24), today, query.propertyId, query.type);
    const monthly = usageAnalytics(bills);
    const series = new Map<string, { propertyId: string; type: UtilityType; history: { month: string; costCents: number }[] }>();
    for (const row of monthly) {
      const key = `${row.propertyId}|${row.type}`;
      const entry = series.get(key) ?? { propertyId: row.propertyId, type: row.type as UtilityType, history: [] };
      entry.history.push({ month: row.month, costCents: row.costCents });
      series.set(key, entry);
    }
    return {
      months,
      series: [...series.values()].map((entry) => ({
        propertyId: entry.propertyId,
        type: entry.type,
        basedOnMonths: Math.min(entry.history.length, 12),
        forecast: forecastCosts(entry.history, months),
      })),
    };
  }

  async listProviders(caller: OrgCaller, query: PageQueryDto): Promise<Page<UtilityProviderView>> {
    staffOnly(caller);
    const { page, size } = pageParams(query);
    const [rows, total] = await this.providers.findPage(caller.organizationId, { order: { name: 'ASC', id: 'ASC' }, page, size });
    return pageOf(rows.map(toProviderView), total, page, size);
  }

  async getProvider(caller: OrgCaller, id: string): Promise<UtilityProviderView> {
    return toProviderView(await this.requireProvider(caller, id));
  }

  async createProvider(caller: OrgCaller, dto: CreateUtilityProviderDto): Promise<UtilityProviderView> {
    staffOnly(caller);
    const provider = await this.providers.insert(caller.organizationId, {
      name: dto.name,
      types: dto.types,
      customerNumber: dto.customerNumber ?? null,
      email: dto.email ?? null,
      phone: dto.phone ?? null,
      website: dto.website ?? null,
    });
    return toProviderView(provider);
  }

  async updateProvider(caller: OrgCaller, id: string, dto: UpdateUtilityProviderDto): Promise<UtilityProviderView> {
    const provider = await this.requireProvider(caller, id);
    Object.assign(provider, Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)));
    return toProviderView(await this.providers.save(caller.organizationId, provider));
  }

  async removeProvider(caller: OrgCaller, id: string): Promise<void> {
    await this.requireProvider(caller, id);
    await this.providers.deleteById(caller.organizationId, id);
  }

  private async history(caller: OrgCaller, from: string, to: string, propertyId?: string, type?: UtilityType) {
    const builder = this.bills
      .query(caller.organizationId, 'b')
      .andWhere('b.period_start BETWEEN :from AND :to', { from, to })
      .orderBy('b.period_start', 'ASC');
    if (propertyId) builder.andWhere('b.property_id = :propertyId', { propertyId });
    if (type) builder.andWhere('b.type = :type', { type });
    const rows = await builder.getMany();
    return rows.map((bill) => ({ propertyId: bill.propertyId, type: bill.type, month: monthStart(bill.periodStart), consumption: bill.consumption, costCents: bill.amountCents }));
  }

  private async requireBill(caller: OrgCaller, id: string): Promise<UtilityBillEntity> {
    staffOnly(caller);
    const bill = await this.bills.findById(caller.organizationId, id);
    if (!bill) throw notFound('Utility bill', id);
    return bill;
  }

  private async requireProvider(caller: OrgCaller, id: string): Promise<UtilityProviderEntity> {
    staffOnly(caller);
    const provider = await this.providers.findById(caller.organizationId, id);
    if (!provider) throw notFound('Utility provider', id);
    return provider;
  }
}

/** Utility bills are the landlord's costs: residents have no view of them. */
function staffOnly(caller: OrgCaller): void {
  if (isResidentOnly(caller.roles)) throw forbidden('Residents cannot see utility bills');
}

function assertPeriod(start: string, end: string): void {
  if (end < start) throw validationFailed([{ field: 'periodEnd', message: 'must not be before periodStart' }]);
}

function toBillView(bill: UtilityBillEntity): UtilityBillView {
  return {
    id: bill.id,
    propertyId: bill.propertyId,
    unitId: bill.unitId,
    providerId: bill.providerId,
    type: bill.type,
    periodStart: bill.periodStart,
    periodEnd: bill.periodEnd,
    consumption: bill.consumption,
    consumptionUnit: bill.consumptionUnit,
    amountCents: bill.amountCents,
    currency: bill.currency,
    dueDate: bill.dueDate,
    status: bill.status,
    paidOn: bill.paidOn,
    notes: bill.notes,
    createdAt: bill.createdAt.toISOString(),
  };
}

function toProviderView(provider: UtilityProviderEntity): UtilityProviderView {
  return {
    id: provider.id,
    name: provider.name,
    types: provider.types,
    customerNumber: provider.customerNumber,
    email: provider.email,
    phone: provider.phone,
    website: provider.website,
    createdAt: provider.createdAt.toISOString(),
  };
}
