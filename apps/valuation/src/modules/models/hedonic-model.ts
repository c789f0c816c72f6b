import { IMPUTABLE_ATTRIBUTES, ImputableAttribute, MarketSale, PropertyAttributes, monthOf, yearOf } from './avm.types';
import { GramSystem } from './ridge';

/** Numeric regressors of log price, in design order. Location enters as a cubic surface plus postal-code effects; quality pays more on larger houses. */
export const NUMERIC_FEATURES = [
  'logArea',
  'logArea2',
  'logLot',
  'bedrooms',
  'bathrooms',
  'floors',
  'waterfront',
  'view',
  'condition',
  'grade',
  'grade2',
  'age',
  'age2',
  'effectiveAge',
  'renovated',
  'lat',
  'lon',
  'lat2',
  'lon2',
  'latLon',
  'gradeLogArea',
  'lat3',
  'lon3',
  'lat2Lon',
  'latLon2',
] as const;

/** Training medians used for attributes a property does not state, and the centre of the market. */
export interface Imputation {
  lotAreaM2: number;
  bedrooms: number;
  bathrooms: number;
  floors: number;
  view: number;
  condition: number;
  grade: number;
  originLat: number;
  originLon: number;
}

export interface FeatureCoefficient {
  name: (typeof NUMERIC_FEATURES)[number];
  mean: number;
  scale: number;
  /** Effect of one standard deviation on log price. */
  coef: number;
}

export interface HedonicModel {
  lambda: number;
  intercept: number;
  features: FeatureCoefficient[];
  /** Log-price effect of each postal code seen in training (shrunk towards the average by the ridge). */
  postalEffects: Record<string, number>;
  /** Log-price effect of each training month (`YYYY-MM`), the market trend. */
  monthEffects: Record<string, number>;
  imputation: Imputation;
}

/** Attributes with every imputable one filled, and which were filled. */
export interface FilledAttributes extends PropertyAttributes {
  lotAreaM2: number;
  bedrooms: number;
  bathrooms: number;
  floors: number;
  waterfront: boolean;
  view: number;
  condition: number;
  grade: number;
}

export function fillAttributes(attributes: PropertyAttributes, imputation: Imputation): { filled: FilledAttributes; assumed: ImputableAttribute[] } {
  const assumed = IMPUTABLE_ATTRIBUTES.filter((name) => attributes[name] === undefined || attributes[name] === null);
  const filled: FilledAttributes = {
    ...attributes,
    lotAreaM2: attributes.lotAreaM2 ?? imputation.lotAreaM2,
    bedrooms: attributes.bedrooms ?? imputation.bedrooms,
    bathrooms: attributes.bathrooms ?? imputation.bathrooms,
    floors: attributes.floors ?? imputation.floors,
    waterfront: attributes.waterfront ?? false,
    view: attributes.view ?? imputation.view,
    condition: attributes.condition ?? imputation.condition,
    grade: attributes.grade ?? imputation.grade,
  };
  return { filled, assumed };
}

export function imputationFrom(sales: readonly MarketSale[]): Imputation {
  const med = (pick: (sale: MarketSale) => number | null | undefined): number =>
    median(sales.map(pick).filter((value): value is number => value !== null && value !== undefined));
  return {
    lotAreaM2: med((sale) => sale.lotAreaM2),
    bedrooms: med((sale) => sale.bedrooms),
    bathrooms: med((sale) => sale.bathrooms),
    floors: med((sale) => sale.floors),
    view: med((sale) => sale.view),
    condition: med((sale) => sale.condition),
    grade: med((sale) => sale.grade),
    originLat: mean(sales.map((sale) => sale.lat)),
    originLon: mean(sales.map((sale) => sale.lon)),
  };
}

/** The raw numeric regressors of a property valued (or sold) on `isoDate`. */
export function numericRow(a: FilledAttributes, isoDate: string, imputation: Imputation): number[] {
  const year = yearOf(isoDate);
  const logArea = Math.log(a.livingAreaM2);
  const age = Math.max(0, year - a.yearBuilt);
  const renovated = a.yearRenovated && a.yearRenovated > a.yearBuilt ? 1 : 0;
  const effectiveAge = Math.max(0, year - Math.max(a.yearBuilt, a.yearRenovated ?? 0));
  const lat = (a.lat - imputation.originLat) * 10;
  const lon = (a.lon - imputation.originLon) * 10;
  return [
    logArea,
    logArea * logArea,
    Math.log(Math.max(1, a.lotAreaM2)),
    a.bedrooms,
    a.bathrooms,
    a.floors,
    a.waterfront ? 1 : 0,
    a.view,
    a.condition,
    a.grade,
    a.grade * a.grade,
    age,
    age * age,
    effectiveAge,
    renovated,
    lat,
    lon,
    lat * lat,
    lon * lon,
    lat * lon,
    a.grade * logArea,
    lat * lat * lat,
    lon * lon * lon,
    lat * lat * lon,
    lat * lon * lon,
  ];
}

/** The design of one training set: the Gram matrix is built once, then solved for any λ. */
export interface PreparedHedonic {
  system: GramSystem;
  means: number[];
  scales: number[];
  postalCodes: string[];
  months: string[];
  imputation: Imputation;
}

export function prepareHedonic(sales: readonly MarketSale[]): PreparedHedonic {
  if (sales.length < 2 * NUMERIC_FEATURES.length) throw new Error(`Too few sales to fit a hedonic model (${sales.length})`);
  const imputation = imputationFrom(sales);
  const rows = sales.map((sale) => numericRow(fillAttributes(sale, imputation).filled, sale.saleDate, imputation));
  const width = NUMERIC_FEATURES.length;
  const means = Array.from({ length: width }, (_, j) => mean(rows.map((row) => row[j])));
  const scales = Array.from({ length: width }, (_, j) => Math.sqrt(mean(rows.map((row) => (row[j] - means[j]) ** 2))) || 1);
  const postalCodes = [...new Set(sales.map((sale) => sale.postalCode).filter((code): code is string => !!code))].sort();
  const months = [...new Set(sales.map((sale) => monthOf(sale.saleDate)))].sort();
  const postalIndex = new Map(postalCodes.map((code, i) => [code, width + i]));
  const monthIndex = new Map(months.map((month, i) => [month, width + postalCodes.length + i]));
  const system = new GramSystem(width + postalCodes.length + months.length);
  sales.forEach((sale, i) => {
    const dense = rows[i].map((value, j) => (value - means[j]) / scales[j]);
    const ones = [monthIndex.get(monthOf(sale.saleDate)) as number];
    const postal = sale.postalCode ? postalIndex.get(sale.postalCode) : undefined;
    if (postal !== undefined) ones.push(postal);
    system.add(dense, ones, Math.log(sale.price));
  });
  return { system, means, scales, postalCodes, months, imputation };
}

export function solveHedonic(prepared: PreparedHedonic, lambda: number): HedonicModel {
  const width = NUMERIC_FEATURES.length;
  const penalty = new Float64Array(prepared.system.width).fill(1);
  const { beta, intercept } = prepared.system.solve(lambda, penalty);
  return {
    lambda,
    intercept,
    features: NUMERIC_FEATURES.map((name, j) => ({ name, mean: prepared.means[j], scale: prepared.scales[j], coef: beta[j] })),
    postalEffects: Object.fromEntries(prepared.postalCodes.map((code, i) => [code, beta[width + i]])),
    monthEffects: Object.fromEntries(prepared.months.map((month, i) => [month, beta[width + prepared.postalCodes.length + i]])),
    imputation: prepared.imputation,
  };
}

export function fitHedonic(sales: readonly MarketSale[], lambda: number): HedonicModel {
  return solveHedonic(prepareHedonic(sales), lambda);
}

/**
 * Log price of a property on `isoDate`. Dates outside the training window take the nearest
 * month's market level: the trend is not extrapolated.
 */
export function predictLog(model: HedonicModel, attributes: PropertyAttributes, isoDate: string): number {
  const { filled } = fillAttributes(attributes, model.imputation);
  const row = numericRow(filled, isoDate, model.imputation);
  let log = model.intercept;
  model.features.forEach((feature, j) => {
    log += (feature.coef * (row[j] - feature.mean)) / feature.scale;
  });
  if (filled.postalCode) log += model.postalEffects[filled.postalCode] ?? 0;
  return log + monthEffect(model, monthOf(isoDate));
}

export function monthEffect(model: HedonicModel, month: string): number {
  const months = Object.keys(model.monthEffects).sort();
  if (months.length === 0) return 0;
  const clamped = month < months[0] ? months[0] : month > months[months.length - 1] ? months[months.length - 1] : month;
  return model.monthEffects[clamped] ?? 0;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}
