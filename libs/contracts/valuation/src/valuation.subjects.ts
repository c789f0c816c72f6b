import { subjectsOf } from '@quartier/contracts-shared';
import { MarketDataOperations, ModelOperations, ValuationOperations } from './valuation.operations';

/** NATS subjects of the valuation service (without the deployment prefix), read off the operation descriptors. */
export const ValuationSubjects = subjectsOf(ValuationOperations);
export const MarketDataSubjects = subjectsOf(MarketDataOperations);
export const ModelSubjects = subjectsOf(ModelOperations);
