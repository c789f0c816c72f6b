/** What the models know about a property. Optional attributes are imputed from the training data. */
export interface PropertyAttributes {
  livingAreaM2: number;
  lotAreaM2?: number | null;
  bedrooms?: number | null;
  bathrooms?: number | null;
  floors?: number | null;
  waterfront?: boolean | null;
  /** 0 (none) to 4 (excellent). */
  view?: number | null;
  /** 1 (poor) to 5 (very good). */
  condition?: number | null;
  /** Construction quality, 1 (low) to 13 (high). */
  grade?: number | null;
  yearBuilt: number;
  yearRenovated?: number | null;
  lat: number;
  lon: number;
  postalCode?: string | null;
}

/** One market sale; price in major units of its currency. */
export interface MarketSale extends PropertyAttributes {
  id: string;
  price: number;
  /** ISO date (YYYY-MM-DD). */
  saleDate: string;
}

/** The attributes the models impute when a property does not state them. */
export const IMPUTABLE_ATTRIBUTES = ['lotAreaM2', 'bedrooms', 'bathrooms', 'floors', 'waterfront', 'view', 'condition', 'grade'] as const;
export type ImputableAttribute = (typeof IMPUTABLE_ATTRIBUTES)[number];

/** `YYYY-MM` of an ISO date. */
export function monthOf(isoDate: string): string {
  return isoDate.slice(0, 7);
}

/** Decimal year of an ISO date, for ages. */
export function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4)) + (Number(isoDate.slice(5, 7)) - 1) / 12;
}
