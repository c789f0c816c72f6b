import { aggregate, bucketCount, bucketStart, resolveRange } from './bucketing';

const d = (iso: string): Date => new Date(iso);

describe('bucketing', () => {
  it('truncates to UTC minute, hour and day', () => {
    const date = d('2026-03-04T05:06:07.890Z');
    expect(bucketStart(date, 'minute')).toEqual(d('2026-03-04T05:06:00Z'));
    expect(bucketStart(date, 'hour')).toEqual(d('2026-03-04T05:00:00Z'));
    expect(bucketStart(date, 'day')).toEqual(d('2026-03-04T00:00:00Z'));
  });

  it('aggregates avg, min, max and count per bucket in time order', () => {
    const readings = [
      { value: 10, recordedAt: d('2026-03-04T05:59:59Z') },
      { value: 20, recordedAt: d('2026-03-04T05:00:00Z') },
      { value: 3, recordedAt: d('2026-03-04T06:10:00Z') },
    ];
    expect(aggregate(readings, 'hour')).toEqual([
      { bucketStart: d('2026-03-04T05:00:00Z'), avg: 15, min: 10, max: 20, count: 2 },
      { bucketStart: d('2026-03-04T06:00:00Z'), avg: 3, min: 3, max: 3, count: 1 },
    ]);
    expect(aggregate(readings, 'day')).toEqual([{ bucketStart: d('2026-03-04T00:00:00Z'), avg: 11, min: 3, max: 20, count: 3 }]);
  });

  it('resolves ranges with a 24 hour default and rejects inverted ones', () => {
    const now = d('2026-03-04T12:00:00Z');
    expect(resolveRange(undefined, undefined, now)).toEqual({ from: d('2026-03-03T12:00:00Z'), to: now });
    expect(resolveRange('2026-03-05T00:00:00Z', '2026-03-04T00:00:00Z', now)).toBeUndefined();
    expect(bucketCount({ from: d('2026-03-04T00:30:00Z'), to: d('2026-03-04T03:00:00Z') }, 'hour')).toBe(3);
  });
});
