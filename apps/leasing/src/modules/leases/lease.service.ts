import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, FindOptionsWhere, In } from 'typeorm';
import {
  ActiveLeasesForResidentResponse,
  ChargeView,
  CreateLeaseDto,
  ExpiringLeasesQueryDto,
  LEASE_SORT_FIELDS,
  LeaseEvent,
  LeaseEventType,
  LeaseLifecyclePayload,
  LeaseQueryDto,
  LeaseStatus,
  LeaseView,
  LifecycleRunResult,
  RenewLeaseDto,
  TerminateLeaseDto,
  UpdateLeaseDto,
} from '@quartier/contracts-leasing';
import { isResidentOnly } from '@quartier/auth';
import { INT32_MAX, OrgCaller, Page, PageQueryDto, orderRecord, pageOf, pageParams } from '@quartier/contracts-shared';
import { allowListedSort } from '@quartier/messaging';
import { OrgScopedRepository, addToOutbox } from '@quartier/db';
import { ChargeEntity } from '../rent/charge.entity';
import { highestMonthlyRentCents } from '../rent/rent-schedule';
import { RentService } from '../rent/rent.service';
import { addDays } from '../shared/iso-date';
import { Today } from '../shared/today';
import { TenantService } from '../tenants/tenant.service';
import { LeaseEntity } from './lease.entity';
import { invalidDate, invalidTransition, leaseNotFound, leaseOverlap, monthlyRentTooHigh } from './lease.errors';
import { findOverlap } from './lease-overlap';
import { toChargeView, toLeaseView } from './lease.views';
import { UnitDirectory } from './unit-directory';

@Injectable()
export class LeaseService {
  private readonly leases: OrgScopedRepository<LeaseEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tenants: TenantService,
    private readonly units: UnitDirectory,
    private readonly rent: RentService,
    private readonly today: Today,
  ) {
    this.leases = new OrgScopedRepository(LeaseEntity, dataSource.manager);
  }

  async list(caller: OrgCaller, query: LeaseQueryDto, fixed: FindOptionsWhere<LeaseEntity> = {}): Promise<Page<LeaseView>> {
    const { page, size } = pageParams(query);
    const where: FindOptionsWhere<LeaseEntity> = { ...fixed };
    if (query.status) where.status = query.status;
    if (query.unitId) where.unitId = query.unitId;
    if (query.tenantId) where.tenantId = query.tenantId;
    if (isResidentOnly(caller.roles)) where.tenantId = await this.ownTenantId(caller);
    const order = orderRecord(allowListedSort(query.sort, LEASE_SORT_FIELDS, '-startDate'));
    const [rows, total] = await this.leases.findPage(caller.organizationId, { where, order, page, size });
    return pageOf(rows.map(toLeaseView), total, page, size);
  }

  async forTenant(caller: OrgCaller, tenantId: string, query: PageQueryDto): Promise<Page<LeaseView>> {
    await this.tenants.require(caller, tenantId);
    return this.list(caller, { ...query, tenantId });
  }

  active(caller: OrgCaller, query: PageQueryDto): Promise<Page<LeaseView>> {
    return this.list(caller, { ...query, status: 'active' });
  }

  /**
   * The active leases of the tenant linked to a user: workorders asks before accepting a
   * resident's request. A resident caller may only ask about themselves.
   */
  async activeForResident(caller: OrgCaller, userId: string): Promise<ActiveLeasesForResidentResponse> {
    if (isResidentOnly(caller.roles) && userId !== caller.userId) return { items: [] };
    const tenant = await this.tenants.findByUser(caller.organizationId, userId);
    if (!tenant) return { items: [] };
    const rows = await this.leases.find(caller.organizationId, { tenantId: tenant.id, status: 'active' }, { startDate: 'ASC' });
    return { items: rows.map((lease) => ({ leaseId: lease.id, unitId: lease.unitId })) };
  }

  /** Active leases ending within the next `days` days, soonest first. */
  async expiring(caller: OrgCaller, query: ExpiringLeasesQueryDto): Promise<Page<LeaseView>> {
    const { page, size } = pageParams(query);
    const today = this.today.get();
    const builder = this.leases
      .query(caller.organizationId, 'l')
      .andWhere("l.status = 'active'")
      .andWhere('l.end_date BETWEEN :today AND :until', { today, until: addDays(today, query.days ?? 30) })
      .orderBy('l.end_date', 'ASC')
      .addOrderBy('l.id', 'ASC')
      .skip((page - 1) * size)
      .take(size);
    if (isResidentOnly(caller.roles)) builder.andWhere('l.tenant_id = :tenantId', { tenantId: await this.ownTenantId(caller) });
    const [rows, total] = await builder.getManyAndCount();
    return pageOf(rows.map(toLeaseView), total, page, size);
  }

  async get(caller: OrgCaller, id: string): Promise<LeaseView> {
    return toLeaseView(await this.require(caller, id));
  }

  async charges(caller: OrgCaller, id: string, query: PageQueryDto): Promise<Page<ChargeView>> {
    const lease = await this.require(caller, id);
    const { page, size } = pageParams(query);
    const [rows, total] = await new OrgScopedRepository(ChargeEntity, this.dataSource.manager).findPage(caller.organizationId, {
      where: { leaseId: lease.id },
      order: { periodMonth: 'ASC', kind: 'DESC', id: 'ASC' },
      page,
      size,
    });
    return pageOf(rows.map(toChargeView), total, page, size);
  }

  async create(caller: OrgCaller, dto: CreateLeaseDto): Promise<LeaseView> {
    assertTerm(dto.startDate, dto.endDate ?? null);
    assertRentFits({ coldRentCents: dto.coldRentCents, serviceChargeCents: dto.serviceChargeCents ?? 0, heatingCents: dto.heatingCents ?? 0, rentSteps: dto.rentSteps ?? [] });
    await this.tenants.require(caller, dto.tenantId);
    const { propertyId } = await this.units.requireUnit(caller, dto.unitId);
    return this.dataSource.transaction(async (manager) => {
      await this.assertNoOverlap(manager, caller.organizationId, dto.unitId, { startDate: dto.startDate, endDate: dto.endDate ?? null });
      const lease = await this.leases.withManager(manager).insert(caller.organizationId, {
        unitId: dto.unitId,
        propertyId,
        tenantId: dto.tenantId,
        status: 'pending',
        startDate: dto.startDate,
        endDate: dto.endDate ?? null,
        currency: dto.currency ?? 'EUR',
        coldRentCents: dto.coldRentCents,
        serviceChargeCents: dto.serviceChargeCents ?? 0,
        heatingCents: dto.heatingCents ?? 0,
        depositCents: dto.depositCents ?? 0,
        dueDay: dto.dueDay ?? 3,
        lateFeeCents: dto.lateFeeCents ?? 0,
        graceDays: dto.graceDays ?? 5,
        rentAdjustment: dto.rentAdjustment ?? (dto.rentSteps?.length ? 'graduated' : 'fixed'),
        rentSteps: sortSteps(dto.rentSteps ?? []),
        renewals: [],
        terminationDate: null,
        terminationReason: null,
        notes: dto.notes ?? null,
      });
      return toLeaseView(lease);
    });
  }

  async update(caller: OrgCaller, id: string, dto: UpdateLeaseDto): Promise<LeaseView> {
    return this.dataSource.transaction(async (manager) => {
      const lease = await this.require(caller, id, manager, true);
      if (lease.status === 'terminated' || lease.status === 'expired') throw invalidTransition('update', lease.status, ['pending', 'active']);
      const changes = Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)) as UpdateLeaseDto;
      // A null end date clears it (open-ended), so only undefined keeps the current one.
      const term = { startDate: changes.startDate ?? lease.startDate, endDate: changes.endDate === undefined ? lease.endDate : changes.endDate };
      assertTerm(term.startDate, term.endDate);
      if (term.startDate !== lease.startDate || term.endDate !== lease.endDate) {
        await this.assertNoOverlap(manager, caller.organizationId, lease.unitId, term, lease.id);
      }
      Object.assign(lease, changes, changes.rentSteps ? { rentSteps: sortSteps(changes.rentSteps) } : {});
      assertRentFits(lease);
      const saved = await this.leases.withManager(manager).save(caller.organizationId, lease);
      if (saved.status === 'active') await this.rent.syncLeases(manager, [saved], this.today.get());
      return toLeaseView(saved);
    });
  }

  async remove(caller: OrgCaller, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const lease = await this.require(caller, id, manager, true);
      if (lease.status !== 'pending') throw invalidTransition('delete', lease.status, ['pending']);
      await this.leases.withManager(manager).deleteById(caller.organizationId, id);
    });
  }

  /** pending → active: the unit becomes occupied (event) and the rent schedule starts. */
  async activate(caller: OrgCaller, id: string): Promise<LeaseView> {
    return this.dataSource.transaction(async (manager) => {
      const lease = await this.require(caller, id, manager, true);
      if (lease.status !== 'pending') throw invalidTransition('activate', lease.status, ['pending']);
      return toLeaseView(await this.activateIn(manager, lease, this.today.get()));
    });
  }

  /** Extends an active or expired lease: the new term starts the day after the current end. */
  async renew(caller: OrgCaller, id: string, dto: RenewLeaseDto): Promise<LeaseView> {
    return this.dataSource.transaction(async (manager) => {
      const lease = await this.require(caller, id, manager, true);
      if (lease.status !== 'active' && lease.status !== 'expired') throw invalidTransition('renew', lease.status, ['active', 'expired']);
      if (lease.endDate === null) throw invalidDate('endDate', 'an open-ended lease needs no renewal');
      if (dto.endDate <= lease.endDate) throw invalidDate('endDate', `must be after the current end ${lease.endDate}`);
      const startDate = addDays(lease.endDate, 1);
      await this.assertNoOverlap(manager, caller.organizationId, lease.unitId, { startDate, endDate: dto.endDate }, lease.id);
      const coldRentCents = dto.coldRentCents ?? currentColdRent(lease, startDate);
      if (dto.coldRentCents !== undefined) lease.rentSteps = sortSteps([...lease.rentSteps.filter((step) => step.effectiveFrom < startDate), { effectiveFrom: startDate, coldRentCents }]);
      assertRentFits(lease);
      lease.renewals = [...lease.renewals, { previousEndDate: lease.endDate, startDate, endDate: dto.endDate, coldRentCents, renewedAt: new Date().toISOString() }];
      lease.endDate = dto.endDate;
      const wasExpired = lease.status === 'expired';
      const saved = wasExpired ? await this.activateIn(manager, lease, this.today.get()) : await this.leases.withManager(manager).save(caller.organizationId, lease);
      return toLeaseView(saved);
    });
  }

  /** active → terminated on a date not before the start; later open charges are corrected. */
  async terminate(caller: OrgCaller, id: string, dto: TerminateLeaseDto): Promise<LeaseView> {
    return this.dataSource.transaction(async (manager) => {
      const lease = await this.require(caller, id, manager, true);
      if (lease.status !== 'active') throw invalidTransition('terminate', lease.status, ['active']);
      if (dto.date < lease.startDate) throw invalidDate('date', `must not be before the lease start ${lease.startDate}`);
      if (lease.endDate !== null && dto.date > lease.endDate) throw invalidDate('date', `must not be after the lease end ${lease.endDate}`);
      lease.status = 'terminated';
      lease.terminationDate = dto.date;
      lease.terminationReason = dto.reason;
      lease.endDate = dto.date;
      const saved = await this.leases.withManager(manager).save(caller.organizationId, lease);
      await this.rent.syncLeases(manager, [saved], this.today.get());
      await this.markFormerIfDone(manager, saved);
      await this.publish(manager, saved, LeaseEvent.TERMINATED);
      return toLeaseView(saved);
    });
  }

  /**
   * The daily lifecycle: pending leases whose start has come become active, active leases past
   * their end expire. Each change publishes its event in the same transaction.
   */
  async runLifecycle(asOf: string, organizationId?: string): Promise<LifecycleRunResult> {
    return this.dataSource.transaction(async (manager) => {
      const due: LeaseEntity[] = await manager
        .getRepository(LeaseEntity)
        .createQueryBuilder('l')
        .where("((l.status = 'pending' AND l.start_date <= :asOf) OR (l.status = 'active' AND l.end_date < :asOf))", { asOf })
        .andWhere(organizationId ? 'l.organization_id = :organizationId' : '1 = 1', { organizationId })
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      const result: LifecycleRunResult = { asOf, activated: 0, expired: 0 };
      for (const lease of due) {
        if (lease.status === 'pending' && (lease.endDate === null || lease.endDate >= asOf)) {
          await this.activateIn(manager, lease, asOf);
          result.activated += 1;
        } else if (lease.status === 'active') {
          lease.status = 'expired';
          await manager.save(lease);
          await this.rent.syncLeases(manager, [lease], asOf);
          await this.markFormerIfDone(manager, lease);
          await this.publish(manager, lease, LeaseEvent.EXPIRED);
          result.expired += 1;
        }
      }
      return result;
    });
  }

  private async activateIn(manager: EntityManager, lease: LeaseEntity, asOf: string): Promise<LeaseEntity> {
    lease.status = 'active';
    const saved = await manager.save(lease);
    await manager.query("UPDATE tenants SET status = 'active', updated_at = now() WHERE organization_id = $1 AND id = $2", [lease.organizationId, lease.tenantId]);
    await this.rent.syncLeases(manager, [saved], asOf);
    await this.publish(manager, saved, LeaseEvent.ACTIVATED);
    return saved;
  }

  /** A tenant whose last pending or active lease ended is a former tenant. */
  private async markFormerIfDone(manager: EntityManager, lease: LeaseEntity): Promise<void> {
    await manager.query(
      `UPDATE tenants t SET status = 'former', updated_at = now()
       WHERE t.organization_id = $1 AND t.id = $2
         AND NOT EXISTS (SELECT 1 FROM leases l WHERE l.organization_id = $1 AND l.tenant_id = t.id AND l.status IN ('pending', 'active'))`,
      [lease.organizationId, lease.tenantId],
    );
  }

  private async publish(manager: EntityManager, lease: LeaseEntity, type: LeaseEventType): Promise<void> {
    const payload: LeaseLifecyclePayload = {
      leaseId: lease.id,
      unitId: lease.unitId,
      tenantId: lease.tenantId,
      startDate: lease.startDate,
      endDate: lease.endDate,
      propertyId: lease.propertyId,
    };
    await addToOutbox(manager, lease.organizationId, type, payload);
  }

  /** Serialises lease changes per unit, then looks for a pending or active lease sharing a day. */
  private async assertNoOverlap(
    manager: EntityManager,
    organizationId: string,
    unitId: string,
    term: { startDate: string; endDate: string | null },
    exceptId?: string,
  ): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`leasing-unit-${unitId}`]);
    const others = await this.leases.withManager(manager).find(organizationId, { unitId, status: In<LeaseStatus>(['pending', 'active']) }, { startDate: 'ASC' });
    const conflict = findOverlap(term, others.filter((other) => other.id !== exceptId));
    if (conflict) throw leaseOverlap(conflict);
  }

  async require(caller: OrgCaller, id: string, manager?: EntityManager, lock = false): Promise<LeaseEntity> {
    const repository = manager ? this.leases.withManager(manager) : this.leases;
    const lease = lock && manager
      ? await repository.query(caller.organizationId, 'l').andWhere('l.id = :id', { id }).setLock('pessimistic_write').getOne()
      : await repository.findById(caller.organizationId, id);
    if (!lease) throw leaseNotFound(id);
    if (isResidentOnly(caller.roles) && lease.tenantId !== (await this.ownTenantId(caller))) throw leaseNotFound(id);
    return lease;
  }

  private async ownTenantId(caller: OrgCaller): Promise<string> {
    // A resident without a tenant record matches nothing (the nil uuid is never an id).
    return (await this.tenants.findOwn(caller))?.id ?? '00000000-0000-0000-0000-000000000000';
  }
}

function assertTerm(startDate: string, endDate: string | null): void {
  if (endDate !== null && endDate <= startDate) throw invalidDate('endDate', 'must be after startDate');
}

function assertRentFits(terms: Parameters<typeof highestMonthlyRentCents>[0]): void {
  if (highestMonthlyRentCents(terms) > INT32_MAX) throw monthlyRentTooHigh();
}

function sortSteps<T extends { effectiveFrom: string }>(steps: T[]): T[] {
  return [...steps].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
}

function currentColdRent(lease: LeaseEntity, date: string): number {
  const steps = lease.rentSteps.filter((step) => step.effectiveFrom <= date);
  return steps.length > 0 ? steps[steps.length - 1].coldRentCents : lease.coldRentCents;
}
