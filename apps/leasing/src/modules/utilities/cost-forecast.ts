import { nextMonth } from './usage-analytics';

export interface MonthlyCost {
  month: string;
  costCents: number;
}

export interface ForecastPoint {
  month: string;
  expectedCents: number;
  lowCents: number;
  highCents: number;
}

/** Months of history the trend is fitted on. */
const WINDOW = 12;
/** With little history the range is this share of the estimate either way. */
const FALLBACK_SPREAD = 0.25;

/**
 * Forecasts the next months' cost from a monthly history: a least-squares line through the last
 * twelve months, with a range of ±1.96 residual standard deviations (about 95%), never below zero.
 * Missing months in between count as gaps, not zeros: the line is fitted on month positions.
 */
export function forecastCosts(history: MonthlyCost[], months: number): ForecastPoint[] {
  if (history.length === 0 || months <= 0) return [];
  const sorted = [...history].sort((a, b) => a.month.localeCompare(b.month)).slice(-WINDOW);
  const origin = sorted[0].month;
  const points = sorted.map((entry) => ({ x: monthIndex(entry.month) - monthIndex(origin), y: entry.costCents }));
  const { slope, intercept, residualSd } = fitLine(points);
  const lastX = points[points.length - 1].x;
  const forecast: ForecastPoint[] = [];
  let month = sorted[sorted.length - 1].month;
  for (let step = 1; step <= months; step += 1) {
    month = nextMonth(month);
    const expected = Math.max(0, intercept + slope * (lastX + step));
    const spread = points.length >= 3 ? 1.96 * residualSd : expected * FALLBACK_SPREAD;
    forecast.push({
      month,
      expectedCents: Math.round(expected),
      lowCents: Math.max(0, Math.round(expected - spread)),
      highCents: Math.round(expected + spread),
    });
  }
  return forecast;
}

function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function fitLine(points: { x: number; y: number }[]): { slope: number; intercept: number; residualSd: number } {
  const n = points.length;
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / n;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / n;
  const sxx = points.reduce((sum, p) => sum + (p.x - meanX) ** 2, 0);
  const slope = sxx === 0 ? 0 : points.reduce((sum, p) => sum + (p.x - meanX) * (p.y - meanY), 0) / sxx;
  const intercept = meanY - slope * meanX;
  const residuals = points.map((p) => p.y - (intercept + slope * p.x));
  const residualSd = n > 2 ? Math.sqrt(residuals.reduce((sum, r) => sum + r * r, 0) / (n - 2)) : 0;
  return { slope, intercept, residualSd };
}
