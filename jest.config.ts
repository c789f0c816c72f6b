import type { Config } from 'jest';
import { getJestProjectsAsync } from '@nx/jest';

// `npm test` runs every project's unit, integration and e2e specs in one Jest invocation.
export default async (): Promise<Config> => ({
  projects: await getJestProjectsAsync(),
  // Two cores: more workers only make the integration specs fight over Postgres and NATS.
  maxWorkers: 2,
  // A global option: project configs cannot set it in a multi-project run. The e2e specs start the
  // whole suite as child processes in their beforeAll.
  testTimeout: 60000,
});
