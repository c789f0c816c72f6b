import type { ComparableView, ValuationCompletedPayload, ValuationView, ValuedAttributesView } from '@quartier/contracts-valuation';
import { AvmValuation } from '../models/avm';
import { PropertyAttributes } from '../models/avm.types';
import { Imputation, fillAttributes } from '../models/hedonic-model';
import { MarketSaleEntity } from '../market-data/market-sale.entity';
import { ValuationEntity } from './valuation.entity';

const cents = (amount: number): number => Math.round(amount * 100);

/** The attributes as valued: stated ones, and training medians for the rest. */
export function valuedAttributes(attributes: PropertyAttributes, imputation: Imputation): ValuedAttributesView {
  const { filled } = fillAttributes(attributes, imputation);
  return {
    livingArea: filled.livingAreaM2,
    lotArea: filled.lotAreaM2,
    bedrooms: filled.bedrooms,
    bathrooms: filled.bathrooms,
    floors: filled.floors,
    yearBuilt: filled.yearBuilt,
    yearRenovated: filled.yearRenovated ?? null,
    condition: filled.condition,
    qualityGrade: filled.grade,
    coordinates: { lat: filled.lat, lng: filled.lon },
    postalCode: filled.postalCode ?? null,
    waterfront: filled.waterfront,
    view: filled.view,
  };
}

export function comparableViews(valuation: AvmValuation, rows: ReadonlyMap<string, MarketSaleEntity>): ComparableView[] {
  return valuation.comparables.map((used) => {
    const row = rows.get(used.sale.id) as MarketSaleEntity;
    return {
      id: row.id,
      sourceId: row.sourceId,
      own: row.organizationId !== null,
      saleDate: row.saleDate,
      distanceKm: Math.round(used.distanceKm * 1000) / 1000,
      livingArea: row.livingAreaM2,
      priceCents: row.priceCents,
      adjustedPriceCents: cents(used.adjustedPrice),
      weight: Math.round(used.weight * 10_000) / 10_000,
    };
  });
}

export function amountsInCents(valuation: AvmValuation) {
  return {
    estimateCents: cents(valuation.estimate),
    lowCents: cents(valuation.low),
    highCents: cents(valuation.high),
    comparableEstimateCents: cents(valuation.comparableEstimate),
    hedonicEstimateCents: cents(valuation.hedonicEstimate),
  };
}


export function toValuationView(row: ValuationEntity): ValuationView {
  return {
    id: row.id,
    propertyId: row.propertyId,
    unitId: row.unitId,
    valuationDate: row.valuationDate,
    marketDate: row.marketDate,
    estimateCents: row.estimateCents,
    lowCents: row.lowCents,
    highCents: row.highCents,
    currency: row.currency,
    rangeCoverage: row.rangeCoverage,
    confidence: row.confidence,
    confidenceScore: Math.round(row.confidenceScore * 1000) / 1000,
    methods: [
      { method: 'comparable', estimateCents: row.comparableEstimateCents, weight: row.blendWeight },
      { method: 'hedonic', estimateCents: row.hedonicEstimateCents, weight: Math.round((1 - row.blendWeight) * 1000) / 1000 },
    ],
    comparables: row.comparables,
    attributes: row.attributes,
    assumed: row.assumed,
    modelVersion: row.modelVersion,
    modelId: row.modelId,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

export function completedPayload(row: ValuationEntity): ValuationCompletedPayload {
  return {
    valuationId: row.id,
    propertyId: row.propertyId,
    unitId: row.unitId,
    estimateCents: row.estimateCents,
    lowCents: row.lowCents,
    highCents: row.highCents,
    currency: row.currency,
    confidence: row.confidence,
    modelVersion: row.modelVersion,
  };
}
