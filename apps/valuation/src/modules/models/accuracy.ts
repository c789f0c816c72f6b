/** Accuracy of estimates against actual prices, as appraisers report it. */
export interface AccuracyMetrics {
  count: number;
  /** Median absolute percentage error, in %. */
  mdape: number;
  /** Mean absolute percentage error, in %. */
  mape: number;
  /** Share of estimates within ±10 % / ±20 % of the price (0–1). */
  within10: number;
  within20: number;
  /** Share of prices inside [low, high] and the mean width (high − low) / estimate, when ranges are given. */
  coverage?: number;
  meanRangeWidth?: number;
}

export interface Outcome {
  actual: number;
  estimate: number;
  low?: number;
  high?: number;
}

export function accuracy(outcomes: readonly Outcome[]): AccuracyMetrics {
  const errors = outcomes.map((outcome) => Math.abs(outcome.estimate - outcome.actual) / outcome.actual).sort((a, b) => a - b);
  const n = errors.length;
  const middle = n >> 1;
  const mdape = n === 0 ? Number.NaN : n % 2 ? errors[middle] : (errors[middle - 1] + errors[middle]) / 2;
  const metrics: AccuracyMetrics = {
    count: n,
    mdape: round(mdape * 100),
    mape: round((errors.reduce((sum, error) => sum + error, 0) / n) * 100),
    within10: round(errors.filter((error) => error <= 0.1).length / n),
    within20: round(errors.filter((error) => error <= 0.2).length / n),
  };
  const ranged = outcomes.filter((outcome) => outcome.low !== undefined && outcome.high !== undefined);
  if (ranged.length > 0) {
    metrics.coverage = round(ranged.filter((o) => (o.low as number) <= o.actual && o.actual <= (o.high as number)).length / ranged.length);
    metrics.meanRangeWidth = round(ranged.reduce((sum, o) => sum + ((o.high as number) - (o.low as number)) / o.estimate, 0) / ranged.length);
  }
  return metrics;
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
