// `npm run test:faults`: the fault suite kills processes, stops NATS and ends database sessions,
// so it runs apart from `npm test` (whose e2e config matches *.e2e-spec.ts only), one spec at a time.
export default {
  displayName: 'faults',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/src/faults/**/*.fault-spec.ts'],
  // Each spec starts the suite as child processes and waits through outages.
  testTimeout: 180000,
};
