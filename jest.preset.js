// Shared Jest settings: swc with decorator metadata (Nest DI needs it) and the tsconfig path aliases.
const { pathsToModuleNameMapper } = require('./tools/test/paths');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(),
  setupFiles: [require.resolve('reflect-metadata')],
  // Integration specs boot services against real Postgres and NATS.
  testTimeout: 30000,
};
