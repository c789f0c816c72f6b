/** Error codes of the valuation service (beside CommonErrorCode). */
export const ValuationErrorCode = {
  /** The property lacks attributes the models need; details.missing lists them. */
  ATTRIBUTES_MISSING: 'VALUATION_ATTRIBUTES_MISSING',
  /** No market sale lies within the comparable radius of the property. */
  NO_MARKET_DATA: 'VALUATION_NO_MARKET_DATA',
  /** No model has been fitted for the market (currency) of the property yet. */
  MODEL_NOT_FITTED: 'VALUATION_MODEL_NOT_FITTED',
  /** Too few platform market sales to fit a model. */
  NOT_ENOUGH_MARKET_DATA: 'VALUATION_NOT_ENOUGH_MARKET_DATA',
} as const;
