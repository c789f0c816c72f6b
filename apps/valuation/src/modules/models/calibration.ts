/** A class of valuations of similar uncertainty and the log-error quantiles measured on later sales. */
export interface CalibrationBucket {
  confidence: 'high' | 'medium' | 'low';
  /** Valuations with an uncertainty score up to this value fall in the bucket (the last has none). */
  maxScore: number | null;
  /** Lower and upper quantile of log(actual / estimate) on the held-out sales. */
  lowLog: number;
  highLog: number;
  /** Share of held-out sales within ±10 % of the estimate. */
  within10: number;
  /** Held-out sales in the bucket. */
  count: number;
}

const LABELS = ['high', 'medium', 'low'] as const;

/** Inputs that predict a valuation's error: comparables that disagree, methods that disagree. */
export function uncertaintyScore(dispersion: number, methodGapLog: number): number {
  return Math.sqrt(dispersion * dispersion + methodGapLog * methodGapLog);
}

/**
 * Splits held-out errors into three equal-sized classes by uncertainty score and records, per
 * class, the log-error quantiles that bound `coverage` of them (e.g. 0.8 → 10 % and 90 %).
 */
export function calibrate(samples: readonly { score: number; logError: number }[], coverage: number): CalibrationBucket[] {
  if (samples.length < 30) throw new Error(`Too few held-out sales to calibrate the range (${samples.length})`);
  const sorted = [...samples].sort((a, b) => a.score - b.score);
  const tail = (1 - coverage) / 2;
  return LABELS.map((confidence, i) => {
    const slice = sorted.slice(Math.floor((i * sorted.length) / 3), Math.floor(((i + 1) * sorted.length) / 3));
    const errors = slice.map((sample) => sample.logError).sort((a, b) => a - b);
    return {
      confidence,
      maxScore: i < LABELS.length - 1 ? slice[slice.length - 1].score : null,
      lowLog: quantile(errors, tail),
      highLog: quantile(errors, 1 - tail),
      within10: errors.filter((error) => Math.abs(Math.expm1(error)) <= 0.1).length / errors.length,
      count: errors.length,
    };
  });
}

export function bucketFor(buckets: readonly CalibrationBucket[], score: number): CalibrationBucket {
  return buckets.find((bucket) => bucket.maxScore === null || score <= bucket.maxScore) ?? buckets[buckets.length - 1];
}

/** Linear-interpolated quantile of ascending values. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}
