import { MarketSale, PropertyAttributes, yearOf } from './avm.types';
import { haversineKm } from './geo';

export interface ComparableOptions {
  /** How many comparables enter the estimate. */
  count: number;
  /** Sales farther away are never comparables. */
  radiusKm: number;
  /** Distance at which a comparable's weight has fallen to e^-0.5 (all else equal). */
  distanceScaleKm: number;
}

export const DEFAULT_COMPARABLE_OPTIONS: ComparableOptions = { count: 12, radiusKm: 25, distanceScaleKm: 1.5 };

export interface ComparableUse {
  sale: MarketSale;
  distanceKm: number;
  /** Normalised weight in the estimate (sums to 1). */
  weight: number;
  /** The sale price moved to the subject's date and attributes. */
  adjustedPrice: number;
}

export interface ComparableEstimate {
  logEstimate: number;
  comparables: ComparableUse[];
  /** Weighted standard deviation of the comparables' adjusted log prices: how much they disagree. */
  dispersion: number;
}

/**
 * Dissimilarity of a sale to the subject (0 = identical, same place, same day). Each term is
 * squared and scaled by the difference that halves its weight's exponent: ~1.5 km, ~30 % area,
 * one quality grade, 25 years of age, 1.5 condition steps, two bedrooms, a year from the market date.
 */
export function dissimilarity(subject: PropertyAttributes, sale: MarketSale, distanceKm: number, marketDate: string, options: ComparableOptions): number {
  const terms = [
    distanceKm / options.distanceScaleKm,
    Math.log(sale.livingAreaM2 / subject.livingAreaM2) / 0.3,
    presentDiff(subject.grade, sale.grade) / 1,
    (sale.yearBuilt - subject.yearBuilt) / 25,
    presentDiff(subject.condition, sale.condition) / 1.5,
    presentDiff(subject.bedrooms, sale.bedrooms) / 2,
    Math.abs(yearOf(marketDate) - yearOf(sale.saleDate)) / 1,
  ];
  return terms.reduce((sum, term) => sum + term * term, 0);
}

/**
 * The comparable-sales estimate: the most similar nearby sales sold by `valuationDate` (recency
 * counted from `marketDate`, the market level valued at), each moved to the subject by
 * `adjustLog` (log-price difference for time and attributes), averaged in log space with
 * weights exp(-dissimilarity / 2). Undefined when no sale lies within the radius.
 */
export function valueByComparables(
  subject: PropertyAttributes,
  valuationDate: string,
  candidates: readonly MarketSale[],
  adjustLog: (sale: MarketSale) => number,
  options: ComparableOptions = DEFAULT_COMPARABLE_OPTIONS,
  marketDate: string = valuationDate,
): ComparableEstimate | undefined {
  const scored: { sale: MarketSale; distanceKm: number; score: number }[] = [];
  for (const sale of candidates) {
    if (sale.saleDate > valuationDate) continue;
    const distanceKm = haversineKm(subject.lat, subject.lon, sale.lat, sale.lon);
    if (distanceKm > options.radiusKm) continue;
    scored.push({ sale, distanceKm, score: dissimilarity(subject, sale, distanceKm, marketDate, options) });
  }
  if (scored.length === 0) return undefined;
  scored.sort((a, b) => a.score - b.score);
  const chosen = scored.slice(0, options.count);
  // Relative to the best score, so far-away-only neighbourhoods still get usable weights.
  const best = chosen[0].score;
  const raw = chosen.map((entry) => Math.exp(-(entry.score - best) / 2));
  const total = raw.reduce((sum, weight) => sum + weight, 0);
  const adjusted = chosen.map((entry) => Math.log(entry.sale.price) + adjustLog(entry.sale));
  const logEstimate = adjusted.reduce((sum, value, i) => sum + (raw[i] / total) * value, 0);
  const variance = adjusted.reduce((sum, value, i) => sum + (raw[i] / total) * (value - logEstimate) ** 2, 0);
  return {
    logEstimate,
    dispersion: Math.sqrt(variance),
    comparables: chosen.map((entry, i) => ({
      sale: entry.sale,
      distanceKm: entry.distanceKm,
      weight: raw[i] / total,
      adjustedPrice: Math.exp(adjusted[i]),
    })),
  };
}

function presentDiff(a: number | null | undefined, b: number | null | undefined): number {
  return a === null || a === undefined || b === null || b === undefined ? 0 : a - b;
}
