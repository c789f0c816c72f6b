import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { RentRunResult } from '@quartier/contracts-leasing';
import { LeaseEntity } from '../leases/lease.entity';
import { addDays, monthStart } from '../shared/iso-date';
import { ExistingCharge, ScheduledCharge, isLate, planRentCharges, rentSchedule } from './rent-schedule';

/** The lease columns the rent run reads. */
export type RentLease = Pick<
  LeaseEntity,
  | 'id'
  | 'organizationId'
  | 'tenantId'
  | 'startDate'
  | 'endDate'
  | 'currency'
  | 'coldRentCents'
  | 'serviceChargeCents'
  | 'heatingCents'
  | 'dueDay'
  | 'lateFeeCents'
  | 'graceDays'
  | 'rentSteps'
>;

interface StoredCharge extends ExistingCharge {
  leaseId: string;
}

export interface SyncCounts {
  chargesCreated: number;
  chargesUpdated: number;
  chargesRemoved: number;
  lateFeesCreated: number;
}

const LEASE_COLUMNS = `id, organization_id AS "organizationId", tenant_id AS "tenantId", start_date::text AS "startDate",
  end_date::text AS "endDate", currency, cold_rent_cents AS "coldRentCents", service_charge_cents AS "serviceChargeCents",
  heating_cents AS "heatingCents", due_day AS "dueDay", late_fee_cents AS "lateFeeCents", grace_days AS "graceDays", rent_steps AS "rentSteps"`;

/** Ended leases still get their last periods settled for this long after the end. */
const ENDED_LEASE_WINDOW_DAYS = 400;

/**
 * The rent schedule job: brings the stored rent charges of leases in line with their schedule
 * and adds late fees. Works in batches with set-based SQL; safe to run concurrently or twice.
 */
@Injectable()
export class RentService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Runs over every lease that may owe rent, in id order, `batchSize` leases per transaction;
   * up to `parallel` batches are in flight at once (reading the next while writing the last).
   */
  async run(asOf: string, organizationId?: string, batchSize = 1000, parallel = 2): Promise<RentRunResult> {
    const result: RentRunResult = { asOf, leases: 0, chargesCreated: 0, chargesUpdated: 0, chargesRemoved: 0, lateFeesCreated: 0 };
    const inFlight = new Set<Promise<void>>();
    try {
      await this.runBatches(asOf, organizationId, batchSize, parallel, inFlight, result);
    } finally {
      // A failed batch stops the run; the others finish (or fail) before it reports.
      await Promise.allSettled(inFlight);
    }
    return result;
  }

  private async runBatches(
    asOf: string,
    organizationId: string | undefined,
    batchSize: number,
    parallel: number,
    inFlight: Set<Promise<void>>,
    result: RentRunResult,
  ): Promise<void> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const leases: RentLease[] = await this.dataSource.query(
        `SELECT ${LEASE_COLUMNS} FROM leases
         WHERE id > $1 AND ($2::uuid IS NULL OR organization_id = $2)
           AND (status = 'active' OR (status IN ('terminated', 'expired') AND end_date >= $3::date))
         ORDER BY id LIMIT $4`,
        [after, organizationId ?? null, addDays(asOf, -ENDED_LEASE_WINDOW_DAYS), batchSize],
      );
      if (leases.length === 0) break;
      after = leases[leases.length - 1].id;
      const batch = this.dataSource
        .transaction((manager) => this.syncLeases(manager, leases, asOf))
        .then((counts) => {
          result.leases += leases.length;
          result.chargesCreated += counts.chargesCreated;
          result.chargesUpdated += counts.chargesUpdated;
          result.chargesRemoved += counts.chargesRemoved;
          result.lateFeesCreated += counts.lateFeesCreated;
        })
        .finally(() => inFlight.delete(batch));
      inFlight.add(batch);
      if (inFlight.size >= parallel) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  }

  /** Syncs the charges of some leases inside the caller's transaction (also used on termination). */
  async syncLeases(manager: EntityManager, leases: RentLease[], asOf: string): Promise<SyncCounts> {
    const ids = leases.map((lease) => lease.id);
    const stored: (StoredCharge & { kind: 'rent' | 'late_fee' })[] = await manager.query(
      `SELECT id, lease_id AS "leaseId", kind, period_start::text AS "periodStart", period_end::text AS "periodEnd", due_date::text AS "dueDate",
              amount_cents AS "amountCents", paid_cents AS "paidCents", invoice_id AS "invoiceId",
              created_at::date::text AS "createdOn"
       FROM charges WHERE lease_id = ANY($1::uuid[])`,
      [ids],
    );
    const byLease = new Map<string, StoredCharge[]>();
    // Months that already carry a late fee: never charged twice, and not even proposed again.
    const feeMonths = new Set<string>();
    for (const charge of stored) {
      if (charge.kind === 'late_fee') {
        feeMonths.add(`${charge.leaseId}|${monthStart(charge.periodStart)}`);
        continue;
      }
      const list = byLease.get(charge.leaseId);
      if (list) list.push(charge);
      else byLease.set(charge.leaseId, [charge]);
    }

    const creates: { lease: RentLease; charge: ScheduledCharge }[] = [];
    const updates: (ScheduledCharge & { id: string })[] = [];
    const removes: string[] = [];
    const lateCandidates: { lease: RentLease; charge: ScheduledCharge & { paidCents: number; createdOn: string } }[] = [];
    for (const lease of leases) {
      const existing = byLease.get(lease.id) ?? [];
      const plan = planRentCharges(rentSchedule(lease, asOf), existing);
      for (const charge of plan.create) creates.push({ lease, charge });
      updates.push(...plan.update);
      removes.push(...plan.remove);
      if (lease.lateFeeCents > 0) {
        const removed = new Set(plan.remove);
        const updated = new Map(plan.update.map((charge) => [charge.id, charge]));
        for (const charge of existing) {
          if (!removed.has(charge.id)) lateCandidates.push({ lease, charge: { ...charge, ...updated.get(charge.id) } });
        }
        for (const charge of plan.create) lateCandidates.push({ lease, charge: { ...charge, paidCents: 0, createdOn: asOf } });
      }
    }
    const lateFees = lateCandidates.filter(
      ({ lease, charge }) => !feeMonths.has(`${lease.id}|${monthStart(charge.periodStart)}`) && isLate(charge, lease.graceDays, asOf),
    );

    return {
      chargesCreated: await this.insertCharges(manager, 'rent', creates, (charge) => charge.dueDate, (_lease, charge) => charge.amountCents),
      chargesUpdated: await this.updateCharges(manager, updates),
      chargesRemoved: await this.removeCharges(manager, removes),
      lateFeesCreated: await this.insertCharges(manager, 'late_fee', lateFees, () => asOf, (lease) => lease.lateFeeCents),
    };
  }

  private async insertCharges(
    manager: EntityManager,
    kind: 'rent' | 'late_fee',
    rows: { lease: RentLease; charge: ScheduledCharge }[],
    dueDate: (charge: ScheduledCharge) => string,
    amount: (lease: RentLease, charge: ScheduledCharge) => number,
  ): Promise<number> {
    if (rows.length === 0) return 0;
    const inserted: unknown[] = await manager.query(
      `INSERT INTO charges (organization_id, lease_id, tenant_id, kind, period_month, period_start, period_end, due_date, amount_cents, currency, status)
       SELECT o, l, t, $1, m, ps, pe, d, a, c, 'open'
       FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::date[], $6::date[], $7::date[], $8::date[], $9::int[], $10::text[]) AS u(o, l, t, m, ps, pe, d, a, c)
       ON CONFLICT (lease_id, kind, period_month) DO NOTHING
       RETURNING 1`,
      [
        kind,
        rows.map((row) => row.lease.organizationId),
        rows.map((row) => row.lease.id),
        rows.map((row) => row.lease.tenantId),
        rows.map((row) => monthStart(row.charge.periodStart)),
        rows.map((row) => row.charge.periodStart),
        rows.map((row) => row.charge.periodEnd),
        rows.map((row) => dueDate(row.charge)),
        rows.map((row) => amount(row.lease, row.charge)),
        rows.map((row) => row.lease.currency),
      ],
    );
    return inserted.length;
  }

  private async updateCharges(manager: EntityManager, rows: (ScheduledCharge & { id: string })[]): Promise<number> {
    if (rows.length === 0) return 0;
    // The paid/invoiced guard is repeated here so a payment racing the run still wins.
    const [, affected] = await manager.query(
      `UPDATE charges c SET period_start = u.ps, period_end = u.pe, due_date = u.d, amount_cents = u.a
       FROM unnest($1::uuid[], $2::date[], $3::date[], $4::date[], $5::int[]) AS u(id, ps, pe, d, a)
       WHERE c.id = u.id AND c.paid_cents = 0 AND c.invoice_id IS NULL`,
      [rows.map((row) => row.id), rows.map((row) => row.periodStart), rows.map((row) => row.periodEnd), rows.map((row) => row.dueDate), rows.map((row) => row.amountCents)],
    );
    return Number(affected);
  }

  private async removeCharges(manager: EntityManager, ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const [, affected] = await manager.query('DELETE FROM charges WHERE id = ANY($1::uuid[]) AND paid_cents = 0 AND invoice_id IS NULL', [ids]);
    return Number(affected);
  }
}
