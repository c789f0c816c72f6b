import { MarketSale } from './avm.types';
import { dissimilarity, valueByComparables } from './comparable-model';

const subject = { livingAreaM2: 100, grade: 7, condition: 3, bedrooms: 3, yearBuilt: 1980, lat: 47.6, lon: -122.3 };
const sale = (id: string, changes: Partial<MarketSale>): MarketSale => ({ ...subject, id, price: 500_000, saleDate: '2014-10-01', ...changes });
const options = { count: 3, radiusKm: 5, distanceScaleKm: 1.5 };

describe('comparable-sales model', () => {
  it('ranks a nearby similar sale above a distant or different one', () => {
    const near = dissimilarity(subject, sale('a', {}), 0.2, '2014-10-01', options);
    const far = dissimilarity(subject, sale('b', {}), 3, '2014-10-01', options);
    const bigger = dissimilarity(subject, sale('c', { livingAreaM2: 200 }), 0.2, '2014-10-01', options);
    const older = dissimilarity(subject, sale('d', {}), 0.2, '2015-10-01', options);
    expect(near).toBeLessThan(far);
    expect(near).toBeLessThan(bigger);
    expect(near).toBeLessThan(older);
  });

  it('weights the closest, most similar sales most and applies the adjustment to each', () => {
    const candidates = [
      sale('same-street', { lat: 47.6005, price: 400_000 }),
      sale('two-km', { lat: 47.618, price: 600_000 }),
      sale('huge', { lat: 47.6005, livingAreaM2: 300, price: 1_500_000 }),
      sale('outside', { lat: 47.7, price: 9_000_000 }),
    ];
    const result = valueByComparables(subject, '2014-10-15', candidates, (s) => (s.id === 'huge' ? Math.log(1 / 3) : 0), options);
    expect(result?.comparables.map((c) => c.sale.id)).toEqual(['same-street', 'two-km', 'huge']);
    const [first, second, third] = result?.comparables ?? [];
    expect(first.weight).toBeGreaterThan(second.weight);
    expect(first.weight + second.weight + third.weight).toBeCloseTo(1, 10);
    expect(third.adjustedPrice).toBeCloseTo(500_000, 0);
    expect(result?.logEstimate).toBeGreaterThan(Math.log(400_000));
    expect(result?.logEstimate).toBeLessThan(Math.log(600_000));
  });

  it('ignores sales after the valuation date and finds nothing beyond the radius', () => {
    expect(valueByComparables(subject, '2014-09-01', [sale('future', {})], () => 0, options)).toBeUndefined();
    expect(valueByComparables(subject, '2014-10-15', [sale('far', { lat: 48.6 })], () => 0, options)).toBeUndefined();
  });
});
