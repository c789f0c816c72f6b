import { ConfigOf, bool, commonConfig, int } from '@quartier/config';

export const valuationConfigSpec = {
  ...commonConfig,
  MIGRATE_ON_BOOT: bool('Apply pending valuation migrations at boot (the Helm Job runs them instead when false)', { default: 'true' }),
  OUTBOX_INTERVAL_MS: int('How often the outbox relay publishes pending valuation events, in ms', { default: '200', min: 10 }),
  AVM_FIT_ON_BOOT: bool('Fit the valuation models at boot when platform market data changed since the last fit (or none was fitted)', { default: 'true' }),
  AVM_MIN_TRAINING_SALES: int('Fewest platform market sales of one currency a model is fitted on', { default: '200', min: 60 }),
  AVM_COMPARABLES: int('Comparable sales per valuation', { default: '12', min: 1, max: 100 }),
  AVM_COMPARABLE_RADIUS_KM: int('Farthest a comparable sale may be from the property, in km; farther from every sale a valuation is refused', {
    default: '25',
    min: 1,
    max: 500,
  }),
  AVM_RANGE_COVERAGE_PERCENT: int('Share of later sales the stated valuation range is calibrated to contain, in %', { default: '80', min: 50, max: 98 }),
};

export type ValuationConfig = ConfigOf<typeof valuationConfigSpec>;

/** Injection token of the loaded configuration. */
export const VALUATION_CONFIG = Symbol('VALUATION_CONFIG');
