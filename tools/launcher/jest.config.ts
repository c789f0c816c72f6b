export default {
  displayName: 'launcher',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/test/**/*.spec.js', '<rootDir>/test/**/*.spec.ts'],
  // The suite spec boots every app as a child process.
  testTimeout: 180000,
};
