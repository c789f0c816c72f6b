import { bucketFor, calibrate, quantile } from './calibration';

describe('range calibration', () => {
  it('interpolates quantiles', () => {
    expect(quantile([0, 10], 0.25)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
  });

  it('gives uncertain valuations wider ranges that cover the stated share of held-out errors', () => {
    // Errors grow with the score: the low-confidence class must get the widest range.
    const samples = Array.from({ length: 900 }, (_, i) => ({ score: i / 900, logError: ((i % 100) / 100 - 0.5) * (0.1 + i / 900) }));
    const buckets = calibrate(samples, 0.8);
    expect(buckets.map((b) => b.confidence)).toEqual(['high', 'medium', 'low']);
    const widths = buckets.map((b) => b.highLog - b.lowLog);
    expect(widths[0]).toBeLessThan(widths[1]);
    expect(widths[1]).toBeLessThan(widths[2]);
    for (const [i, bucket] of buckets.entries()) {
      const own = samples.slice(i * 300, (i + 1) * 300);
      const inside = own.filter((s) => s.logError >= bucket.lowLog && s.logError <= bucket.highLog).length / own.length;
      expect(inside).toBeGreaterThanOrEqual(0.79);
      expect(inside).toBeLessThanOrEqual(0.82);
    }
    expect(bucketFor(buckets, 0).confidence).toBe('high');
    expect(bucketFor(buckets, 5).confidence).toBe('low');
  });

  it('refuses to calibrate on a handful of sales', () => {
    expect(() => calibrate([{ score: 0, logError: 0 }], 0.8)).toThrow(/Too few/);
  });
});
