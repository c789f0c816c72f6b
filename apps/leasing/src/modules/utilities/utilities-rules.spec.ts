import { forecastCosts } from './cost-forecast';
import { percentChange, previousMonth, usageAnalytics } from './usage-analytics';

describe('usage analytics', () => {
  it('sums consumption and cost per property, type and month and compares with the previous month', () => {
    const rows = usageAnalytics([
      { propertyId: 'p1', type: 'water', month: '2026-01-01', consumption: 10, costCents: 5_000 },
      { propertyId: 'p1', type: 'water', month: '2026-02-01', consumption: 8, costCents: 3_000 },
      { propertyId: 'p1', type: 'water', month: '2026-02-01', consumption: 4, costCents: 3_000 },
      { propertyId: 'p1', type: 'gas', month: '2026-02-01', consumption: null, costCents: 9_000 },
    ]);
    expect(rows.map((r) => [r.type, r.month, r.consumption, r.costCents, r.costChangePercent, r.consumptionChangePercent])).toEqual([
      ['gas', '2026-02-01', 0, 9_000, null, null],
      ['water', '2026-01-01', 10, 5_000, null, null],
      ['water', '2026-02-01', 12, 6_000, 20, 20],
    ]);
  });

  it('steps back across a year boundary and refuses to divide by nothing', () => {
    expect(previousMonth('2026-01-01')).toBe('2025-12-01');
    expect(percentChange(0, 10)).toBeNull();
    expect(percentChange(300, 200)).toBe(-33.3);
  });
});

describe('cost forecast', () => {
  it('extends a steady trend with a tight range', () => {
    const history = ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01'].map((month, i) => ({ month, costCents: 10_000 + i * 1_000 }));
    expect(forecastCosts(history, 2)).toEqual([
      { month: '2026-05-01', expectedCents: 14_000, lowCents: 14_000, highCents: 14_000 },
      { month: '2026-06-01', expectedCents: 15_000, lowCents: 15_000, highCents: 15_000 },
    ]);
  });

  it('widens the range when costs scatter and never forecasts below zero', () => {
    const history = [30_000, 5_000, 28_000, 6_000, 31_000, 4_000].map((costCents, i) => ({ month: `2026-0${i + 1}-01`, costCents }));
    const [next] = forecastCosts(history, 1);
    expect(next.month).toBe('2026-07-01');
    expect(next.highCents - next.lowCents).toBeGreaterThan(30_000);
    expect(next.lowCents).toBeGreaterThanOrEqual(0);
  });

  it('uses a ±25% range with a single month of history, and nothing without history', () => {
    expect(forecastCosts([{ month: '2026-12-01', costCents: 8_000 }], 1)).toEqual([{ month: '2027-01-01', expectedCents: 8_000, lowCents: 6_000, highCents: 10_000 }]);
    expect(forecastCosts([], 3)).toEqual([]);
  });
});
