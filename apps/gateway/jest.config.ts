// jose 6 and content-disposition (via @fastify/static) ship only ES modules: swc compiles them to
// CommonJS with the preset's options, extended to .js files.
const swc = {
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

export default {
  displayName: 'gateway',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.int-spec.ts'],
  transform: { '^.+\\.[tj]s$': ['@swc/jest', swc] },
  transformIgnorePatterns: ['/node_modules/(?!(jose|content-disposition)/)'],
};
