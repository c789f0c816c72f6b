/** Domain events published by valuation (`<prefix>.events.<type>`). */
export const ValuationEvent = {
  COMPLETED: 'valuation.valuation.completed',
} as const;

export interface ValuationCompletedPayload {
  valuationId: string;
  propertyId: string | null;
  unitId: string | null;
  estimateCents: number;
  lowCents: number;
  highCents: number;
  currency: string;
  confidence: 'high' | 'medium' | 'low';
  modelVersion: string;
}
