import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, FindOptionsWhere, In, LessThanOrEqual, MoreThanOrEqual, And } from 'typeorm';
import {
  OverdueChargeView,
  PAYMENT_SORT_FIELDS,
  PaymentQueryDto,
  PaymentSummaryQueryDto,
  PaymentSummaryView,
  PaymentView,
  RecordPaymentDto,
  RefundPaymentDto,
  UpdatePaymentDto,
} from '@quartier/contracts-leasing';
import { isResidentOnly } from '@quartier/auth';
import { OrgCaller, Page, PageQueryDto, orderRecord, pageOf, pageParams } from '@quartier/contracts-shared';
import { OrgScopedRepository } from '@quartier/db';
import { allowListedSort, notFound } from '@quartier/messaging';
import { ChargeEntity } from '../rent/charge.entity';
import { daysBetween } from '../shared/iso-date';
import { Today } from '../shared/today';
import { TenantService } from '../tenants/tenant.service';
import { allocatePayment, chargeStatus, releaseForRefund } from './allocation';
import { PaymentAllocationEntity, PaymentEntity } from './payment.entity';
import { paymentNotFound, paymentNotRefundable, refundTooLarge, stripePaymentNotDeletable } from './payment.errors';
import { StripeClient } from './stripe-client';

const NO_TENANT = '00000000-0000-0000-0000-000000000000';

@Injectable()
export class PaymentService {
  private readonly payments: OrgScopedRepository<PaymentEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tenants: TenantService,
    private readonly today: Today,
    private readonly stripe: StripeClient,
  ) {
    this.payments = new OrgScopedRepository(PaymentEntity, dataSource.manager);
  }

  async list(caller: OrgCaller, query: PaymentQueryDto): Promise<Page<PaymentView>> {
    const { page, size } = pageParams(query);
    const where: FindOptionsWhere<PaymentEntity> = {};
    if (query.tenantId) where.tenantId = query.tenantId;
    if (query.leaseId) where.leaseId = query.leaseId;
    if (query.status) where.status = query.status;
    if (query.method) where.method = query.method;
    if (query.from && query.to) where.paidOn = And(MoreThanOrEqual(query.from), LessThanOrEqual(query.to));
    else if (query.from) where.paidOn = MoreThanOrEqual(query.from);
    else if (query.to) where.paidOn = LessThanOrEqual(query.to);
    if (isResidentOnly(caller.roles)) where.tenantId = await this.ownTenantId(caller);
    const order = orderRecord(allowListedSort(query.sort, PAYMENT_SORT_FIELDS, '-paidOn'));
    const [rows, total] = await this.payments.findPage(caller.organizationId, { where, order, page, size });
    return pageOf(await this.views(this.dataSource.manager, rows), total, page, size);
  }

  async forTenant(caller: OrgCaller, tenantId: string, query: PageQueryDto): Promise<Page<PaymentView>> {
    await this.tenants.require(caller, tenantId);
    return this.list(caller, { ...query, tenantId });
  }

  async get(caller: OrgCaller, id: string): Promise<PaymentView> {
    const payment = await this.require(caller, id, this.dataSource.manager);
    return (await this.views(this.dataSource.manager, [payment]))[0];
  }

  /** A manual payment, allocated to the tenant's open charges oldest first; the rest is credit. */
  record(caller: OrgCaller, dto: RecordPaymentDto): Promise<PaymentView> {
    return this.dataSource.transaction(async (manager) => {
      const tenant = await this.tenants.require(caller, dto.tenantId, manager);
      let currency = dto.currency;
      if (dto.leaseId) {
        const lease: { currency: string }[] = await manager.query('SELECT currency FROM leases WHERE organization_id = $1 AND id = $2 AND tenant_id = $3', [
          caller.organizationId,
          dto.leaseId,
          tenant.id,
        ]);
        if (lease.length === 0) throw notFound('Lease', dto.leaseId);
        currency ??= lease[0].currency;
      }
      currency ??= 'EUR';
      // A Stripe payment is only a promise until Stripe confirms it (webhook): allocate then.
      const pending = dto.method === 'stripe';
      const payment = await this.payments.withManager(manager).insert(caller.organizationId, {
        tenantId: tenant.id,
        leaseId: dto.leaseId ?? null,
        amountCents: dto.amountCents,
        refundedCents: 0,
        unallocatedCents: 0,
        currency,
        method: dto.method,
        status: pending ? 'pending' : 'completed',
        paidOn: dto.paidOn,
        reference: dto.reference ?? null,
        notes: dto.notes ?? null,
        stripePaymentIntentId: null,
      });
      if (!pending) await this.allocateIn(manager, payment);
      return (await this.views(manager, [payment]))[0];
    });
  }

  /** Allocates a completed payment to the tenant's open charges, oldest first; the rest is credit. */
  async allocateIn(manager: EntityManager, payment: PaymentEntity): Promise<void> {
    const open = await this.charges(manager)
      .query(payment.organizationId, 'c')
      .andWhere('c.tenant_id = :tenantId', { tenantId: payment.tenantId })
      .andWhere("c.status <> 'paid'")
      .andWhere('c.currency = :currency', { currency: payment.currency })
      .andWhere(payment.leaseId ? 'c.lease_id = :leaseId' : '1 = 1', { leaseId: payment.leaseId })
      .orderBy('c.due_date', 'ASC')
      .setLock('pessimistic_write')
      .getMany();
    const { allocations, unallocatedCents } = allocatePayment(payment.amountCents, open);
    await this.applyToCharges(manager, payment.organizationId, allocations);
    if (allocations.length > 0) {
      await manager.insert(
        PaymentAllocationEntity,
        allocations.map((allocation) => ({ ...allocation, organizationId: payment.organizationId, paymentId: payment.id })),
      );
    }
    payment.unallocatedCents = unallocatedCents;
    await manager.update(PaymentEntity, { organizationId: payment.organizationId, id: payment.id }, { unallocatedCents });
  }

  update(caller: OrgCaller, id: string, dto: UpdatePaymentDto): Promise<PaymentView> {
    return this.dataSource.transaction(async (manager) => {
      const payment = await this.require(caller, id, manager);
      Object.assign(payment, Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)));
      const saved = await this.payments.withManager(manager).save(caller.organizationId, payment);
      return (await this.views(manager, [saved]))[0];
    });
  }

  /** Deletes a manual payment and reopens what it paid; Stripe payments are refunded instead. */
  remove(caller: OrgCaller, id: string): Promise<{ deleted: true }> {
    return this.dataSource.transaction(async (manager) => {
      const payment = await this.require(caller, id, manager);
      if (payment.method === 'stripe' || payment.stripePaymentIntentId !== null) throw stripePaymentNotDeletable(id);
      const allocations = await manager.find(PaymentAllocationEntity, { where: { organizationId: caller.organizationId, paymentId: id } });
      await this.applyToCharges(manager, caller.organizationId, allocations.map((allocation) => ({ chargeId: allocation.chargeId, amountCents: -allocation.amountCents })));
      await this.payments.withManager(manager).deleteById(caller.organizationId, id);
      return { deleted: true as const };
    });
  }

  /** Full or partial refund: the credit goes back first, then the newest charges reopen. */
  refund(caller: OrgCaller, id: string, dto: RefundPaymentDto): Promise<PaymentView> {
    return this.dataSource.transaction(async (manager) => {
      const payment = await this.require(caller, id, manager);
      if (payment.status === 'pending' || payment.status === 'failed') throw paymentNotRefundable(payment.status);
      const refundable = payment.amountCents - payment.refundedCents;
      const amount = dto.amountCents ?? refundable;
      if (amount > refundable || refundable === 0) throw refundTooLarge(refundable);
      // Money that came through Stripe goes back through Stripe first; its webhook then finds nothing left to do.
      if (payment.stripePaymentIntentId) {
        await this.stripe.refund(payment.stripePaymentIntentId, amount, `refund-${payment.id}-${payment.refundedCents}-${amount}`);
      }
      await this.refundIn(manager, payment, amount);
      if (dto.reason) payment.notes = [payment.notes, `Refund: ${dto.reason}`].filter(Boolean).join('\n');
      const saved = await this.payments.withManager(manager).save(caller.organizationId, payment);
      return (await this.views(manager, [saved]))[0];
    });
  }

  /** Shared with the Stripe webhook: releases allocations and updates the payment in memory. */
  async refundIn(manager: EntityManager, payment: PaymentEntity, amount: number): Promise<void> {
    const allocations: (PaymentAllocationEntity & { dueDate: string; periodStart: string; kind: 'rent' | 'late_fee' })[] = await manager.query(
      `SELECT a.id, a.charge_id AS "chargeId", a.amount_cents AS "amountCents", c.due_date::text AS "dueDate", c.period_start::text AS "periodStart", c.kind
       FROM payment_allocations a JOIN charges c ON c.id = a.charge_id WHERE a.payment_id = $1`,
      [payment.id],
    );
    const released = releaseForRefund(amount, payment.unallocatedCents, allocations);
    for (const release of released) {
      const allocation = allocations.find((candidate) => candidate.chargeId === release.chargeId);
      if (allocation) await manager.query('UPDATE payment_allocations SET amount_cents = amount_cents - $2 WHERE id = $1', [allocation.id, release.amountCents]);
    }
    await manager.query('DELETE FROM payment_allocations WHERE payment_id = $1 AND amount_cents <= 0', [payment.id]);
    await this.applyToCharges(manager, payment.organizationId, released.map((release) => ({ chargeId: release.chargeId, amountCents: -release.amountCents })));
    payment.unallocatedCents = Math.max(0, payment.unallocatedCents - amount);
    payment.refundedCents += amount;
    payment.status = payment.refundedCents >= payment.amountCents ? 'refunded' : 'partially_refunded';
  }

  /** Unpaid charges past their due date, with days overdue and the outstanding amount. */
  async overdue(caller: OrgCaller, query: PageQueryDto, tenantId?: string): Promise<Page<OverdueChargeView>> {
    const { page, size } = pageParams(query);
    const today = this.today.get();
    const builder = this.charges(this.dataSource.manager)
      .query(caller.organizationId, 'c')
      .andWhere("c.status <> 'paid'")
      .andWhere('c.due_date < :today', { today })
      .orderBy('c.due_date', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .skip((page - 1) * size)
      .take(size);
    const only = isResidentOnly(caller.roles) ? await this.ownTenantId(caller) : tenantId;
    if (only) builder.andWhere('c.tenant_id = :tenantId', { tenantId: only });
    const [rows, total] = await builder.getManyAndCount();
    return pageOf(rows.map((charge) => toOverdueView(charge, today)), total, page, size);
  }

  /** Collected, refunded, pending and overdue amounts for a period, per currency. */
  async summary(caller: OrgCaller, query: PaymentSummaryQueryDto): Promise<PaymentSummaryView> {
    const tenantFilter = isResidentOnly(caller.roles) ? await this.ownTenantId(caller) : null;
    const params = [caller.organizationId, query.from, query.to, this.today.get(), tenantFilter];
    const rows: { currency: string; collected: string; refunded: string; pending: string; overdue: string }[] = await this.dataSource.query(
      `WITH p AS (
         SELECT currency, sum(amount_cents) AS collected, sum(refunded_cents) AS refunded
         FROM payments WHERE organization_id = $1 AND paid_on BETWEEN $2 AND $3 AND status NOT IN ('pending', 'failed')
           AND ($5::uuid IS NULL OR tenant_id = $5) GROUP BY currency),
       c AS (
         SELECT currency,
                sum(amount_cents - paid_cents) FILTER (WHERE due_date >= $4) AS pending,
                sum(amount_cents - paid_cents) FILTER (WHERE due_date < $4) AS overdue
         FROM charges WHERE organization_id = $1 AND due_date BETWEEN $2 AND $3 AND status <> 'paid'
           AND ($5::uuid IS NULL OR tenant_id = $5) GROUP BY currency)
       SELECT coalesce(p.currency, c.currency) AS currency, coalesce(p.collected, 0)::text AS collected, coalesce(p.refunded, 0)::text AS refunded,
              coalesce(c.pending, 0)::text AS pending, coalesce(c.overdue, 0)::text AS overdue
       FROM p FULL JOIN c ON c.currency = p.currency ORDER BY 1`,
      params,
    );
    return {
      from: query.from,
      to: query.to,
      totals: rows.map((row) => ({
        currency: row.currency,
        collectedCents: Number(row.collected),
        refundedCents: Number(row.refunded),
        pendingCents: Number(row.pending),
        overdueCents: Number(row.overdue),
      })),
    };
  }

  async require(caller: OrgCaller, id: string, manager: EntityManager): Promise<PaymentEntity> {
    const payment = await this.payments.withManager(manager).findById(caller.organizationId, id);
    if (!payment || (isResidentOnly(caller.roles) && payment.tenantId !== (await this.ownTenantId(caller)))) throw paymentNotFound(id);
    return payment;
  }

  /** Adds (or with negative amounts removes) paid cents on charges and recomputes their status. */
  async applyToCharges(manager: EntityManager, organizationId: string, changes: { chargeId: string; amountCents: number }[]): Promise<void> {
    const charges = this.charges(manager);
    for (const change of changes) {
      const charge = await charges.findById(organizationId, change.chargeId);
      if (!charge) continue;
      charge.paidCents += change.amountCents;
      charge.status = chargeStatus(charge.amountCents, charge.paidCents);
      await charges.save(organizationId, charge);
    }
  }

  private charges(manager: EntityManager): OrgScopedRepository<ChargeEntity> {
    return new OrgScopedRepository(ChargeEntity, manager);
  }

  private async views(manager: EntityManager, payments: PaymentEntity[]): Promise<PaymentView[]> {
    const ids = payments.map((payment) => payment.id);
    const allocations = ids.length ? await manager.find(PaymentAllocationEntity, { where: { organizationId: payments[0].organizationId, paymentId: In(ids) } }) : [];
    return payments.map((payment) => toPaymentView(payment, allocations.filter((allocation) => allocation.paymentId === payment.id)));
  }

  private async ownTenantId(caller: OrgCaller): Promise<string> {
    return (await this.tenants.findOwn(caller))?.id ?? NO_TENANT;
  }
}

export function toPaymentView(payment: PaymentEntity, allocations: PaymentAllocationEntity[]): PaymentView {
  return {
    id: payment.id,
    tenantId: payment.tenantId,
    leaseId: payment.leaseId,
    amountCents: payment.amountCents,
    refundedCents: payment.refundedCents,
    unallocatedCents: payment.unallocatedCents,
    currency: payment.currency,
    method: payment.method,
    status: payment.status,
    paidOn: payment.paidOn,
    reference: payment.reference,
    notes: payment.notes,
    stripePaymentIntentId: payment.stripePaymentIntentId,
    allocations: allocations.map((allocation) => ({ chargeId: allocation.chargeId, amountCents: allocation.amountCents })),
    createdAt: payment.createdAt.toISOString(),
  };
}

function toOverdueView(charge: ChargeEntity, today: string): OverdueChargeView {
  return {
    chargeId: charge.id,
    leaseId: charge.leaseId,
    tenantId: charge.tenantId,
    kind: charge.kind,
    periodStart: charge.periodStart,
    dueDate: charge.dueDate,
    daysOverdue: daysBetween(charge.dueDate, today),
    outstandingCents: charge.amountCents - charge.paidCents,
    currency: charge.currency,
  };
}
