import { ReadingBucket } from '@quartier/contracts-iot';

const BUCKET_MS: Record<ReadingBucket, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };
const DEFAULT_RANGE_MS = 24 * 3_600_000;
/** Per series; beyond this the client should pick a coarser bucket. */
export const MAX_BUCKETS = 5000;

export interface TimeRange {
  from: Date;
  to: Date;
}

/** `from` inclusive, `to` exclusive; defaults to the 24 hours before now. Undefined when inverted. */
export function resolveRange(from: string | undefined, to: string | undefined, now: Date): TimeRange | undefined {
  const end = to ? new Date(to) : now;
  const start = from ? new Date(from) : new Date(end.getTime() - DEFAULT_RANGE_MS);
  return start.getTime() < end.getTime() ? { from: start, to: end } : undefined;
}

/** Start of the UTC bucket that contains `date` (what Postgres `date_trunc` computes in UTC). */
export function bucketStart(date: Date, bucket: ReadingBucket): Date {
  const size = BUCKET_MS[bucket];
  return new Date(Math.floor(date.getTime() / size) * size);
}

/** How many buckets a range spans. */
export function bucketCount(range: TimeRange, bucket: ReadingBucket): number {
  const first = bucketStart(range.from, bucket).getTime();
  return Math.ceil((range.to.getTime() - first) / BUCKET_MS[bucket]);
}

export interface BucketAggregate {
  bucketStart: Date;
  avg: number;
  min: number;
  max: number;
  count: number;
}

/** Reference aggregation of one series; the service does the same in SQL. */
export function aggregate(readings: { value: number; recordedAt: Date }[], bucket: ReadingBucket): BucketAggregate[] {
  const buckets = new Map<number, BucketAggregate & { sum: number }>();
  for (const reading of readings) {
    const start = bucketStart(reading.recordedAt, bucket).getTime();
    const current = buckets.get(start);
    if (!current) {
      buckets.set(start, { bucketStart: new Date(start), avg: reading.value, min: reading.value, max: reading.value, count: 1, sum: reading.value });
      continue;
    }
    current.sum += reading.value;
    current.count += 1;
    current.min = Math.min(current.min, reading.value);
    current.max = Math.max(current.max, reading.value);
    current.avg = current.sum / current.count;
  }
  return [...buckets.values()]
    .sort((a, b) => a.bucketStart.getTime() - b.bucketStart.getTime())
    .map(({ bucketStart: start, avg, min, max, count }) => ({ bucketStart: start, avg, min, max, count }));
}
