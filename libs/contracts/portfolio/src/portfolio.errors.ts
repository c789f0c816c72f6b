/** Error codes of the portfolio service, beside `CommonErrorCode`. */
export const PortfolioErrorCode = {
  PROPERTY_HAS_BUILDINGS: 'PROPERTY_HAS_BUILDINGS',
  BUILDING_HAS_UNITS: 'BUILDING_HAS_UNITS',
  UNIT_NUMBER_TAKEN: 'UNIT_NUMBER_TAKEN',
  UNIT_STATUS_TRANSITION_INVALID: 'UNIT_STATUS_TRANSITION_INVALID',
} as const;
export type PortfolioErrorCode = (typeof PortfolioErrorCode)[keyof typeof PortfolioErrorCode];
