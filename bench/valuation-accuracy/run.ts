/**
 * Valuation accuracy benchmark on the King County sales (May 2014 – Jan 2015): a time-ordered
 * split (train on the earliest ~80 % by sale date, test on the later sales; a day never
 * straddles the cut, never random), the AVM fitted the way the service fits it, then every test
 * sale valued on its sale date from training sales only. Prints MdAPE, MAPE, share within ±10 %
 * and ±20 %, range coverage and mean range width per method, fit time and valuations/s.
 *
 * Then the same through the running service (Postgres + NATS): store, refit, value a sample of
 * the test sales one at a time and concurrently (BENCH_SERVICE_SALES=0 skips it).
 *
 *   npm run bench:valuation-accuracy
 *   KING_COUNTY_CSV=<file> (default: datasets/king-county-sales/… of ../shared or QUARTIER_SHARED_DIR) BENCH_TRAIN_SHARE=0.8
 *   BENCH_SERVICE_SALES=500 BENCH_CONCURRENCY=8
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sharedDataPath } from '@quartier/testing';
import { Outcome, accuracy } from '../../apps/valuation/src/modules/models/accuracy';
import { AvmValuation, fitAvm, nearbySales, valueProperty } from '../../apps/valuation/src/modules/models/avm';
import { MarketSale } from '../../apps/valuation/src/modules/models/avm.types';
import { LatitudeIndex } from '../../apps/valuation/src/modules/models/geo';
import { parseKingCountyCsv } from '../../apps/valuation/src/modules/market-data/king-county-csv';
import { benchService } from './service';

const CSV = process.env.KING_COUNTY_CSV ? resolve(process.env.KING_COUNTY_CSV) : sharedDataPath('datasets/king-county-sales/sales-2014-05-to-2015-01.csv');
const TRAIN_SHARE = Number(process.env.BENCH_TRAIN_SHARE ?? 0.8);
const SERVICE_SALES = Number(process.env.BENCH_SERVICE_SALES ?? 500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

async function main(): Promise<void> {
  const { sales, rejected } = parseKingCountyCsv(readFileSync(CSV, 'utf8'));
  const ordered = [...sales].sort((a, b) => a.saleDate.localeCompare(b.saleDate));
  let cut = Math.floor(ordered.length * TRAIN_SHARE);
  while (cut > 0 && ordered[cut].saleDate === ordered[cut - 1].saleDate) cut--;
  const train = ordered.slice(0, cut);
  const test = ordered.slice(cut);
  console.log(`${CSV}\n${sales.length} sales read (${rejected.length} rejected)`);
  console.log(`train ${train.length} sales ${train[0].saleDate} … ${train[train.length - 1].saleDate}; test ${test.length} sales ${test[0].saleDate} … ${test[test.length - 1].saleDate}`);

  const fitStarted = performance.now();
  const model = fitAvm(train);
  const fitMs = performance.now() - fitStarted;
  console.log(`fit ${(fitMs / 1000).toFixed(2)} s: λ=${model.hedonic.lambda}, blend weight (comparable) ${model.blendWeight}, validation ${model.validation.from} … ${model.validation.to}`);
  for (const bucket of model.calibration) {
    console.log(`  ${bucket.confidence.padEnd(6)} score ≤ ${bucket.maxScore?.toFixed(3) ?? '∞'}: ${(model.coverage * 100).toFixed(0)} % range ${pct(Math.expm1(bucket.lowLog))} … ${pct(Math.expm1(bucket.highLog))}, within ±10 % ${pct(bucket.within10)} (${bucket.count} held-out)`);
  }

  const index = new LatitudeIndex(train);
  const valued: { sale: MarketSale; valuation: AvmValuation }[] = [];
  const started = performance.now();
  for (const sale of test) {
    const subject: MarketSale = { ...sale, price: Number.NaN };
    const valuation = valueProperty(model, subject, sale.saleDate, nearbySales(index, sale.lat, sale.lon, model.comparable));
    if (valuation) valued.push({ sale, valuation });
  }
  const seconds = (performance.now() - started) / 1000;
  const ranged = (estimate: number, v: AvmValuation): Pick<Outcome, 'low' | 'high'> => {
    // The range is stated around the blend; for a single method, the same relative width around its own estimate.
    return { low: (estimate * v.low) / v.estimate, high: (estimate * v.high) / v.estimate };
  };
  const rows = [
    ['comparable', valued.map(({ sale, valuation: v }) => ({ actual: sale.price, estimate: v.comparableEstimate, ...ranged(v.comparableEstimate, v) }))],
    ['hedonic', valued.map(({ sale, valuation: v }) => ({ actual: sale.price, estimate: v.hedonicEstimate, ...ranged(v.hedonicEstimate, v) }))],
    ['blend', valued.map(({ sale, valuation: v }) => ({ actual: sale.price, estimate: v.estimate, low: v.low, high: v.high }))],
  ] as const;
  console.log(`\n${valued.length} of ${test.length} test sales valued (${test.length - valued.length} without a comparable within ${model.comparable.radiusKm} km)`);
  console.log('method       MdAPE    MAPE   ±10 %   ±20 %  coverage  mean width');
  for (const [name, outcomes] of rows) {
    const m = accuracy(outcomes);
    console.log(`${name.padEnd(10)} ${pct(m.mdape / 100).padStart(7)} ${pct(m.mape / 100).padStart(7)} ${pct(m.within10).padStart(7)} ${pct(m.within20).padStart(7)} ${pct(m.coverage ?? 0).padStart(9)} ${pct(m.meanRangeWidth ?? 0).padStart(11)}`);
  }
  for (const label of ['high', 'medium', 'low'] as const) {
    const group = valued.filter(({ valuation }) => valuation.confidence === label);
    const m = accuracy(group.map(({ sale, valuation: v }) => ({ actual: sale.price, estimate: v.estimate, low: v.low, high: v.high })));
    console.log(`  blend, confidence ${label.padEnd(6)}: ${group.length} sales, MdAPE ${pct(m.mdape / 100)}, ±10 % ${pct(m.within10)} (stated ${pct(model.calibration.find((b) => b.confidence === label)?.within10 ?? 0)}), coverage ${pct(m.coverage ?? 0)}`);
  }
  console.log(`\n${valued.length} valuations in ${seconds.toFixed(2)} s: ${Math.round(valued.length / seconds)} valuations/s (in memory, one core)`);
  if (SERVICE_SALES > 0) await benchService(train, test, SERVICE_SALES, CONCURRENCY);
}

function pct(value: number): string {
  return `${(value * 100).toFixed(1)} %`;
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
