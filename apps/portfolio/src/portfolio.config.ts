import { ConfigOf, bool, commonConfig, int } from '@quartier/config';
import { documentStorageConfigSpec } from './modules/documents/storage/document-storage.config';

export const portfolioConfigSpec = {
  ...commonConfig,
  MIGRATE_ON_BOOT: bool('Apply pending portfolio migrations when the service starts (the Helm Job runs them otherwise)', {
    default: 'true',
  }),
  LEASE_EVENTS_MAX_DELIVER: int('How often a lease event is delivered before portfolio gives up on it', {
    default: '10',
    min: 1,
    max: 1000,
  }),
  ...documentStorageConfigSpec,
};

export type PortfolioConfig = ConfigOf<typeof portfolioConfigSpec>;
