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
  },
  {
    sourceTag: 'scope:e2e',
    onlyDependOnLibsWithTags: [...sharedLibs, 'scope:identity', 'scope:portfolio', 'scope:leasing', 'scope:workorders', 'scope:iot', 'scope:valuation', 'scope:publishing', 'scope:ai'],
  },
];
const ormPackages = ['typeorm', '@nestjs/typeorm', 'pg', 'nats', 'mqtt', 'ioredis'];
const typeRules = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contracts', 'type:data-access', 'type:util', 'type:testing'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:testing'] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts', 'type:data-access', 'type:util'] },
  { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:data-access'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:contracts'] },
  // Contracts are plain message shapes: no ORM, no transport, only other contracts.
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'], bannedExternalImports: ormPackages },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/node_modules', '**/.nx', '**/tmp'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [...typeRules, ...scopeRules],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
