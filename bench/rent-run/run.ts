/**
 * Rent-run benchmark: the leasing rent schedule job over 10,000 active leases on the real
 * Postgres. Prints leases/s and peak memory for four runs: the first run (backfilling every
 * month since each lease started; no late fees for months billed late), the next month's run on
 * the 1st (one new charge per lease), the run on the 10th (late fees for the unpaid charges of
 * leases that have one) and an idempotent re-run that finds nothing to change.
 *
 *   node -r @swc-node/register bench/rent-run/run.ts
 *   BENCH_LEASES=10000 BENCH_BATCH=1000
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { createServiceDataSource, runMigrations } from '@quartier/db';
import { createTestDatabase } from '@quartier/testing';
import { LEASING_ENTITIES, LEASING_MIGRATIONS } from '../../apps/leasing/src/leasing.schema';
import { RentService } from '../../apps/leasing/src/modules/rent/rent.service';
import { addDays, addMonths, monthStart, todayIn } from '../../apps/leasing/src/modules/shared/iso-date';

const LEASES = Number(process.env.BENCH_LEASES ?? 10_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 1000);
const TARGET = 5000;

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 10);

async function seed(dataSource: DataSource, today: string): Promise<void> {
  const organizationId = '7d1f8e2a-1c5b-4d7e-9a3f-2b6c8d0e4f10';
  await dataSource.query(
    `INSERT INTO tenants (organization_id, first_name, last_name, email, status)
     SELECT $1, 'Tenant', 'No ' || n, 'tenant' || n || '@bench.test', 'active' FROM generate_series(1, $2) AS n`,
    [organizationId, LEASES],
  );
  // Starts spread over the last twelve months (some mid-month, so prorated), a third with a
  // graduated step, half with late fees.
  await dataSource.query(
    `INSERT INTO leases (organization_id, unit_id, tenant_id, status, start_date, cold_rent_cents, service_charge_cents, heating_cents,
                         due_day, late_fee_cents, grace_days, rent_adjustment, rent_steps)
     SELECT $1, gen_random_uuid(), t.id, 'active',
            ($2::date - ((row_number() OVER (ORDER BY t.id)) % 365)::int),
            60000 + (row_number() OVER (ORDER BY t.id) % 50) * 1000, 15000, 8000, 3,
            CASE WHEN row_number() OVER (ORDER BY t.id) % 2 = 0 THEN 2500 ELSE 0 END, 5,
            CASE WHEN row_number() OVER (ORDER BY t.id) % 3 = 0 THEN 'graduated' ELSE 'fixed' END,
            CASE WHEN row_number() OVER (ORDER BY t.id) % 3 = 0
                 THEN jsonb_build_array(jsonb_build_object('effectiveFrom', to_char($2::date - 40, 'YYYY-MM-DD'), 'coldRentCents', 99000))
                 ELSE '[]'::jsonb END
     FROM tenants t`,
    [organizationId, today],
  );
}

async function timed(label: string, rent: RentService, asOf: string): Promise<void> {
  peakRss = process.memoryUsage().rss;
  const started = process.hrtime.bigint();
  const result = await rent.run(asOf, undefined, BATCH);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rate = result.leases / seconds;
  console.log(
    `${label.padEnd(29)} ${result.leases} leases in ${seconds.toFixed(2)} s = ${Math.round(rate)} leases/s ` +
      `(${(rate / TARGET).toFixed(2)}x the ${TARGET}/s target); charges +${result.chargesCreated} ~${result.chargesUpdated} -${result.chargesRemoved}, ` +
      `late fees +${result.lateFeesCreated}; peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MiB`,
  );
}

async function main(): Promise<void> {
  const database = await createTestDatabase();
  const dataSource = await createServiceDataSource({ url: database.url, schema: 'leasing', entities: LEASING_ENTITIES, migrations: LEASING_MIGRATIONS, poolSize: 4 }).initialize();
  try {
    await runMigrations(dataSource, 'leasing');
    const today = todayIn('Europe/Berlin');
    await seed(dataSource, today);
    const rent = new RentService(dataSource);
    console.log(`rent-run: ${LEASES} active leases, batches of ${BATCH}, node ${process.version}`);
    const nextMonth = addMonths(monthStart(today), 1);
    await timed('first run (backfill ≤12 mo)', rent, today);
    await timed('next month, 1st', rent, nextMonth);
    await timed('next month, 10th (late fees)', rent, addDays(nextMonth, 9));
    await timed('re-run (nothing to change)', rent, addDays(nextMonth, 9));
    console.log(`peak RSS of the process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  } finally {
    clearInterval(sampler);
    await dataSource.destroy();
    await database.drop();
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
