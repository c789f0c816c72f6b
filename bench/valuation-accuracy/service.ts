import { randomUUID } from 'node:crypto';
import { ModelOperations, ValuateDto, ValuationOperations, ValuationView } from '@quartier/contracts-valuation';
import { createServiceDataSource } from '@quartier/db';
import { OperationClient } from '@quartier/messaging';
import { startTestStack, testCaller } from '@quartier/testing';
import { accuracy } from '../../apps/valuation/src/modules/models/accuracy';
import { MarketSale } from '../../apps/valuation/src/modules/models/avm.types';
import { platformRow } from '../../apps/valuation/src/modules/market-data/market-sale.mapper';
import { insertSales } from '../../apps/valuation/src/modules/market-data/market-data.service';
import { valuationService } from '../../apps/valuation/src/valuation.service-app';
import { VALUATION_ENTITIES, VALUATION_SCHEMA } from '../../apps/valuation/src/valuation.schema';

/** The request a client would send for a sale's house, valued on its sale date (unknown attributes left out). */
function valuateRequest(sale: MarketSale): ValuateDto {
  return {
    livingArea: sale.livingAreaM2,
    lotArea: sale.lotAreaM2 ?? undefined,
    bedrooms: sale.bedrooms ?? undefined,
    bathrooms: sale.bathrooms ?? undefined,
    floors: sale.floors ?? undefined,
    yearBuilt: sale.yearBuilt,
    ...(sale.yearRenovated ? { yearRenovated: sale.yearRenovated } : {}),
    condition: sale.condition ?? undefined,
    qualityGrade: sale.grade ?? undefined,
    waterfront: sale.waterfront ?? undefined,
    view: sale.view ?? undefined,
    coordinates: { lat: sale.lat, lng: sale.lon },
    postalCode: sale.postalCode ?? undefined,
    valuationDate: sale.saleDate,
  };
}

/**
 * The same split through the running service on the real Postgres and NATS: training sales
 * stored as platform market data, a refit over NATS, then test sales valued one at a time and
 * with `concurrency` requests in flight (each reads comparables from Postgres and stores the valuation).
 */
export async function benchService(train: readonly MarketSale[], test: readonly MarketSale[], count: number, concurrency: number): Promise<void> {
  const stack = await startTestStack([valuationService], { AVM_FIT_ON_BOOT: 'false' });
  const dataSource = await createServiceDataSource({ url: stack.database.url, schema: VALUATION_SCHEMA, entities: VALUATION_ENTITIES, poolSize: 2 }).initialize();
  try {
    const owner = testCaller(randomUUID());
    const operations = new OperationClient(stack.rpc);
    let started = performance.now();
    await dataSource.transaction((manager) => insertSales(manager, train.map((sale) => platformRow(sale, 'king-county', 'USD'))));
    const importSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    // Refits are for the installation's platform operators only.
    await operations.send(ModelOperations.refit, {}, { ...owner, roles: ['platform_operator'] });
    const refitSeconds = (performance.now() - started) / 1000;
    console.log(`\nservice: ${train.length} sales stored in ${importSeconds.toFixed(2)} s, refit over NATS in ${refitSeconds.toFixed(2)} s (reads the sales, fits, stores the model)`);

    const step = Math.max(1, Math.floor(test.length / count));
    const sample = test.filter((_, i) => i % step === 0).slice(0, count);
    const valuate = (sale: MarketSale) => operations.send(ValuationOperations.valuate, valuateRequest(sale), owner, { timeoutMs: 30_000 });
    started = performance.now();
    const sequential: ValuationView[] = [];
    for (const sale of sample) sequential.push(await valuate(sale));
    const sequentialSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < sample.length) await valuate(sample[next++]);
      }),
    );
    const concurrentSeconds = (performance.now() - started) / 1000;
    const metrics = accuracy(sample.map((sale, i) => ({ actual: sale.price * 100, estimate: sequential[i].estimateCents, low: sequential[i].lowCents, high: sequential[i].highCents })));
    console.log(
      `service: ${sample.length} valuations over NATS, ${Math.round(sample.length / sequentialSeconds)}/s one at a time, ${Math.round(sample.length / concurrentSeconds)}/s with ${concurrency} in flight; ` +
        `MdAPE ${metrics.mdape.toFixed(1)} %, coverage ${((metrics.coverage ?? 0) * 100).toFixed(1)} % on these sales`,
    );
  } finally {
    await dataSource.destroy();
    await stack.teardown();
  }
}
