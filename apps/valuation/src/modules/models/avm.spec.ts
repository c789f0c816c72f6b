import { accuracy } from './accuracy';
import { MarketSale } from './avm.types';
import { bestBlendWeight, fitAvm, valueProperty } from './avm';
import { syntheticMarket } from '../../../test/synthetic-market';

describe('AVM fit and valuation', () => {
  const sales = syntheticMarket(2500, 11, 0.08);

  it('holds out the latest sales, calibrates an honest range and values later sales accurately', () => {
    const ordered = [...sales].sort((a, b) => a.saleDate.localeCompare(b.saleDate));
    const train = ordered.slice(0, 2000);
    const test = ordered.slice(2000);
    const model = fitAvm(train);
    expect(model.validation.from > model.trainingFrom).toBe(true);
    expect(model.trainingTo).toBe(train[train.length - 1].saleDate);
    const outcomes = test.map((sale) => {
      const valuation = valueProperty(model, { ...sale, price: Number.NaN } as MarketSale, sale.saleDate, train);
      if (!valuation) throw new Error('no valuation');
      return { actual: sale.price, estimate: valuation.estimate, low: valuation.low, high: valuation.high };
    });
    const metrics = accuracy(outcomes);
    // Noise is uniform ±8 % in log: a model that learned the formula has a MdAPE near 4 %.
    expect(metrics.mdape).toBeLessThan(6);
    expect(metrics.coverage).toBeGreaterThan(0.7);
    expect(metrics.coverage).toBeLessThan(0.92);
  });

  it('reports the comparables used and the attributes it had to assume', () => {
    const model = fitAvm(sales);
    const valuation = valueProperty(model, { livingAreaM2: 90, yearBuilt: 1990, lat: 52.505, lon: 13.405 }, '2015-02-01', sales);
    expect(valuation?.comparables.length).toBe(model.comparable.count);
    expect(valuation?.assumed).toContain('grade');
    expect(valuation?.low).toBeLessThan(valuation?.estimate ?? 0);
    expect(valuation?.high).toBeGreaterThan(valuation?.estimate ?? 0);
    expect(valueProperty(model, { livingAreaM2: 90, yearBuilt: 1990, lat: 48.1, lon: 11.5 }, '2015-02-01', sales)).toBeUndefined();
  });

  it('values later dates at the last known market level instead of extrapolating the trend or ageing', () => {
    const model = fitAvm(sales);
    const subject = { livingAreaM2: 90, grade: 7, yearBuilt: 1990, lat: 52.505, lon: 13.405, postalCode: '10245' };
    const atEnd = valueProperty(model, subject, model.trainingTo, sales);
    const later = valueProperty(model, subject, '2030-06-01', sales);
    expect(later?.marketDate).toBe(model.trainingTo);
    expect(later?.comparableEstimate).toBeCloseTo(atEnd?.comparableEstimate ?? 0, 6);
    expect(later?.hedonicEstimate).toBeCloseTo(atEnd?.hedonicEstimate ?? 0, 6);
    expect(valueProperty(model, subject, '2014-08-01', sales)?.marketDate).toBe('2014-08-01');
  });

  it('picks the blend weight that minimises the median error', () => {
    const rows = [0.1, -0.2, 0.05].map((noise) => ({ actual: 10, comparable: 10 + noise / 10, hedonic: 10 + noise }));
    expect(bestBlendWeight(rows)).toBe(1);
    expect(bestBlendWeight(rows.map((row) => ({ ...row, comparable: row.hedonic, hedonic: row.comparable })))).toBe(0);
  });
});
