// Shared Jest settings: swc with decorator metadata (Nest DI needs it) and the tsconfig path aliases.
const { pathsToModuleNameMapper } = require('./tools/test/paths');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': [
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
  // jose 6 and content-disposition (via @fastify/static) ship only ES modules: compile them too.
  transformIgnorePatterns: ['/node_modules/(?!(jose|content-disposition)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(),
  setupFiles: [require.resolve('reflect-metadata'), require.resolve('./tools/test/test-secrets')],
  // Integration specs boot services against real Postgres and NATS.
  testTimeout: 30000,
};
