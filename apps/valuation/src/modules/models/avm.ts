import { AccuracyMetrics, Outcome, accuracy } from './accuracy';
import { ImputableAttribute, MarketSale, PropertyAttributes } from './avm.types';
import { CalibrationBucket, bucketFor, calibrate, uncertaintyScore } from './calibration';
import { ComparableOptions, ComparableUse, DEFAULT_COMPARABLE_OPTIONS, valueByComparables } from './comparable-model';
import { LatitudeIndex, haversineKm } from './geo';
import { HedonicModel, fillAttributes, median, predictLog, prepareHedonic, solveHedonic } from './hedonic-model';

export interface AvmFitOptions {
  /** Nominal coverage of the stated range, e.g. 0.8 for an 80 % range. */
  coverage: number;
  /** Share of the latest training sales held out to choose λ and the blend and to measure the range. */
  validationShare: number;
  lambdas: readonly number[];
  comparable: ComparableOptions;
}

export const DEFAULT_FIT_OPTIONS: AvmFitOptions = {
  coverage: 0.8,
  validationShare: 0.15,
  lambdas: [0.3, 1, 3, 10, 30],
  comparable: DEFAULT_COMPARABLE_OPTIONS,
};

export interface ValidationReport {
  from: string;
  to: string;
  comparable: AccuracyMetrics;
  hedonic: AccuracyMetrics;
  blend: AccuracyMetrics;
}

/** A fitted AVM: hedonic model, comparable settings, blend weight and the range calibration. */
export interface AvmModel {
  hedonic: HedonicModel;
  comparable: ComparableOptions;
  /** Weight of the comparable estimate in the (log-space) blend; the hedonic gets the rest. */
  blendWeight: number;
  coverage: number;
  calibration: CalibrationBucket[];
  trainingFrom: string;
  trainingTo: string;
  sampleSize: number;
  validation: ValidationReport;
}

export interface AvmValuation {
  estimate: number;
  low: number;
  high: number;
  confidence: CalibrationBucket['confidence'];
  /** Share of held-out later sales of the same confidence class that sold within ±10 % of the estimate. */
  confidenceScore: number;
  hedonicEstimate: number;
  comparableEstimate: number;
  blendWeight: number;
  comparables: ComparableUse[];
  /** Attributes the property did not state and the models assumed (training medians, the nearest sale's postal code). */
  assumed: (ImputableAttribute | 'postalCode')[];
  /** The attributes as valued (with an assumed postal code). */
  subject: PropertyAttributes;
  /** The market level the estimate reflects: the valuation date, or the last training sale date when it is later (never extrapolated). */
  marketDate: string;
}

/** Candidates near a point: widening circles until there are enough to choose from. */
export function nearbySales(index: LatitudeIndex<MarketSale>, lat: number, lon: number, options: ComparableOptions): MarketSale[] {
  let found: MarketSale[] = [];
  for (const radius of [2, 5, 10, options.radiusKm]) {
    found = index.within(lat, lon, Math.min(radius, options.radiusKm));
    if (found.length >= options.count * 4) break;
  }
  return found;
}

/**
 * Fits on sales of one market (one currency): λ, the blend weight and the range quantiles are
 * chosen on the latest `validationShare` of the sales with models fitted on the earlier ones
 * (time-ordered, never random), then the hedonic model is refitted on everything.
 */
export function fitAvm(sales: readonly MarketSale[], options: AvmFitOptions = DEFAULT_FIT_OPTIONS): AvmModel {
  const ordered = [...sales].sort((a, b) => (a.saleDate < b.saleDate ? -1 : a.saleDate > b.saleDate ? 1 : 0));
  const cut = timeCut(ordered, options.validationShare);
  const earlier = ordered.slice(0, cut);
  const later = ordered.slice(cut);
  const prepared = prepareHedonic(earlier);
  const candidatesByLambda = options.lambdas.map((lambda) => solveHedonic(prepared, lambda));
  const hedonicErrors = candidatesByLambda.map((model) => medianAbsLogError(later.map((sale) => Math.log(sale.price) - predictLog(model, sale, sale.saleDate))));
  const bestLambda = options.lambdas[hedonicErrors.indexOf(Math.min(...hedonicErrors))];
  const hedonic = candidatesByLambda[options.lambdas.indexOf(bestLambda)];

  const index = new LatitudeIndex(earlier);
  const held = later.flatMap((sale) => {
    const both = estimateBoth(hedonic, sale, sale.saleDate, sale.saleDate, nearbySales(index, sale.lat, sale.lon, options.comparable), options.comparable);
    return both ? [{ sale, ...both }] : [];
  });
  const blendWeight = bestBlendWeight(held.map((entry) => ({ actual: Math.log(entry.sale.price), hedonic: entry.hedonicLog, comparable: entry.comparable.logEstimate })));
  const samples = held.map((entry) => {
    const blendLog = blendWeight * entry.comparable.logEstimate + (1 - blendWeight) * entry.hedonicLog;
    return {
      score: uncertaintyScore(entry.comparable.dispersion, entry.comparable.logEstimate - entry.hedonicLog),
      logError: Math.log(entry.sale.price) - blendLog,
      blendLog,
    };
  });
  const calibration = calibrate(samples, options.coverage);
  const outcome = (estimateLog: (i: number) => number, ranged = false): Outcome[] =>
    held.map((entry, i) => {
      const estimate = Math.exp(estimateLog(i));
      if (!ranged) return { actual: entry.sale.price, estimate };
      const bucket = bucketFor(calibration, samples[i].score);
      return { actual: entry.sale.price, estimate, low: estimate * Math.exp(bucket.lowLog), high: estimate * Math.exp(bucket.highLog) };
    });

  return {
    hedonic: solveHedonic(prepareHedonic(ordered), bestLambda),
    comparable: options.comparable,
    blendWeight,
    coverage: options.coverage,
    calibration,
    trainingFrom: ordered[0].saleDate,
    trainingTo: ordered[ordered.length - 1].saleDate,
    sampleSize: ordered.length,
    validation: {
      from: later[0].saleDate,
      to: later[later.length - 1].saleDate,
      comparable: accuracy(outcome((i) => held[i].comparable.logEstimate)),
      hedonic: accuracy(outcome((i) => held[i].hedonicLog)),
      blend: accuracy(outcome((i) => samples[i].blendLog, true)),
    },
  };
}

/** Values a property on `valuationDate` from nearby `candidates`; undefined when none is within the radius. */
export function valueProperty(model: AvmModel, attributes: PropertyAttributes, valuationDate: string, candidates: readonly MarketSale[]): AvmValuation | undefined {
  const subject = withNearestPostalCode(attributes, candidates);
  // Past the training window the market trend is unknown: value at the last known level, as of then.
  const marketDate = valuationDate > model.trainingTo ? model.trainingTo : valuationDate;
  const both = estimateBoth(model.hedonic, subject, valuationDate, marketDate, candidates, model.comparable);
  if (!both) return undefined;
  const { hedonicLog, comparable } = both;
  const blendLog = model.blendWeight * comparable.logEstimate + (1 - model.blendWeight) * hedonicLog;
  const bucket = bucketFor(model.calibration, uncertaintyScore(comparable.dispersion, comparable.logEstimate - hedonicLog));
  return {
    estimate: Math.exp(blendLog),
    low: Math.exp(blendLog + bucket.lowLog),
    high: Math.exp(blendLog + bucket.highLog),
    confidence: bucket.confidence,
    confidenceScore: bucket.within10,
    hedonicEstimate: Math.exp(hedonicLog),
    comparableEstimate: Math.exp(comparable.logEstimate),
    blendWeight: model.blendWeight,
    comparables: comparable.comparables,
    assumed: [...fillAttributes(attributes, model.hedonic.imputation).assumed, ...(!attributes.postalCode && subject.postalCode ? (['postalCode'] as const) : [])],
    subject,
    marketDate,
  };
}

/** Both estimates: comparables sold up to `valuationDate`, priced at the market level of `marketDate`. */
function estimateBoth(hedonic: HedonicModel, subject: PropertyAttributes, valuationDate: string, marketDate: string, candidates: readonly MarketSale[], options: ComparableOptions) {
  const hedonicLog = predictLog(hedonic, subject, marketDate);
  // Each comparable is moved to the subject by the hedonic model: market trend and attribute differences.
  const adjust = (sale: MarketSale): number => hedonicLog - predictLog(hedonic, sale, sale.saleDate);
  const comparable = valueByComparables(subject, valuationDate, candidates, adjust, options, marketDate);
  return comparable ? { hedonicLog, comparable } : undefined;
}

/** A property without a postal code takes the nearest sale's, so the postal-code effect still applies. */
function withNearestPostalCode(attributes: PropertyAttributes, candidates: readonly MarketSale[]): PropertyAttributes {
  if (attributes.postalCode || candidates.length === 0) return attributes;
  let nearest = candidates[0];
  let nearestKm = Infinity;
  for (const sale of candidates) {
    const km = haversineKm(attributes.lat, attributes.lon, sale.lat, sale.lon);
    if (km < nearestKm && sale.postalCode) [nearest, nearestKm] = [sale, km];
  }
  return { ...attributes, postalCode: nearest.postalCode ?? null };
}

/** Index of the first sale of the held-out slice; a day never straddles the cut. */
function timeCut(ordered: readonly MarketSale[], share: number): number {
  let cut = Math.floor(ordered.length * (1 - share));
  while (cut > 0 && ordered[cut].saleDate === ordered[cut - 1].saleDate) cut--;
  if (cut < ordered.length * 0.5 || ordered.length - cut < 30) throw new Error('Too few distinct sale dates to hold out later sales');
  return cut;
}

/** The comparable weight (0–1 in steps of 0.05) with the smallest median absolute log error. */
export function bestBlendWeight(rows: readonly { actual: number; hedonic: number; comparable: number }[]): number {
  let best = { weight: 0, error: Infinity };
  for (let step = 0; step <= 20; step++) {
    const weight = step / 20;
    const error = medianAbsLogError(rows.map((row) => row.actual - (weight * row.comparable + (1 - weight) * row.hedonic)));
    if (error < best.error - 1e-12) best = { weight, error };
  }
  return best.weight;
}

function medianAbsLogError(errors: readonly number[]): number {
  return median(errors.map(Math.abs));
}
