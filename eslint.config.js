// @ts-check
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'cdk.out/',
      '.pantau/',
      'coverage/',
      'packages/web/dist/',
      'packages/web/src/api/schema.d.ts',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use `as const` objects, not enums.' },
      ],
    },
  },
  {
    // packages/core stays pure: no AWS SDK, no Hono, no Node I/O.
    files: ['packages/core/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@aws-sdk/*', 'aws-lambda', 'hono', 'hono/*', '@hono/*'],
              message: 'core is pure',
            },
            { group: ['@pantau/*'], message: 'core imports nothing of ours' },
            {
              group: ['node:fs', 'node:fs/*', 'node:child_process', 'node:net', 'node:http'],
              message: 'core does no I/O',
            },
          ],
        },
      ],
    },
  },
);
