export default {
  displayName: 'e2e',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  // The whole suite runs as child processes; starting it takes a few seconds on two cores.
  testTimeout: 60000,
};
