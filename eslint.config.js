// @ts-check
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';
import { readdirSync, readFileSync } from 'node:fs';

const NO_ENUMS = { selector: 'TSEnumDeclaration', message: 'Use `as const` objects, not enums.' };

/** What a pure domain has no business importing, besides our own packages. */
const CORE_PURE = [
  {
    group: ['@aws-sdk/*', 'aws-lambda', 'hono', 'hono/*', '@hono/*'],
    message: 'core is pure',
  },
  {
    group: ['node:fs', 'node:fs/*', 'node:child_process', 'node:net', 'node:http'],
    message: 'core does no I/O',
  },
];

/**
 * Which of our packages each part may import (README "Architecture"). Matched on the import's
 * text, so a package is forbidden by name; `import-x/no-relative-packages` below closes the
 * other door, a relative path into another package's folder.
 */
const BOUNDARIES = [
  {
    files: ['packages/core/**'],
    forbid: '^@pantau/',
    message: 'core imports nothing of ours',
    also: CORE_PURE,
  },
  {
    files: ['packages/store/**'],
    forbid: '^@pantau/(api|local|web|documents)(/|$)',
    message:
      'adapters depend on core, never on what is built on them; the store keeps no documents',
  },
  {
    // The ladder's Tick renders and sends letters (@pantau/documents).
    files: ['packages/workflow/**'],
    forbid: '^@pantau/(api|local|web)(/|$)',
    message: 'adapters depend on core, never on what is built on them',
  },
  {
    // The intake channels' parsers (MIME, spreadsheets, SMTP) work on core's types only.
    files: ['packages/intake/**'],
    forbid: '^@pantau/(api|local|store|web|workflow)(/|$)',
    message: 'intake parses messages and sheets for core; it is wired by api, local and functions/',
  },
  {
    // PDF letters, MIME, type sniffing, S3: edges that api, workflow, local and functions/ use.
    files: ['packages/documents/**'],
    forbid: '^@pantau/(api|local|web|store|workflow)(/|$)',
    message: 'documents depend on core alone, never on what is built on them',
  },
  {
    // An integration test is a composition root: it wires the app to the real DynamoDB adapter.
    files: ['packages/api/**'],
    ignores: ['**/*.int.test.ts'],
    forbid: '^@pantau/(store|local|web)(/|$)',
    message: 'api reaches data only through the Store port in core; local and functions/ wire it',
  },
  {
    files: ['packages/local/**'],
    forbid: '^@pantau/web(/|$)',
    message: 'the embedded runtime serves the console as built files, and imports none of it',
  },
  {
    files: ['functions/**'],
    forbid: '^@pantau/(local|web)(/|$)',
    message: 'what runs on AWS never loads the embedded runtime, nor the console’s source',
  },
  {
    // The stack bundles functions/ (the PDF renderer included) and imports none of it; of the
    // documents, only GuardDuty's names (its tag and event), which the rule and policy match.
    files: ['infra/**'],
    forbid: '^@pantau/(local|web|documents(?!/guardduty$))(/|$)',
    message: 'what runs on AWS never loads the embedded runtime, nor the console’s source',
  },
  {
    // The browser bundle: the API's types come from its own generated schema.d.ts.
    files: ['packages/web/**'],
    forbid: '^@pantau/(?!core/schemas$)',
    message:
      'the console takes only the zod schemas (@pantau/core/schemas) and its generated types',
  },
];

const BOUNDED = BOUNDARIES.flatMap((b) => b.files);

/** Our packages whose package.json says `"sideEffects": false`, read from it. */
const SIDE_EFFECT_FREE = readdirSync(new URL('./packages', import.meta.url)).filter(
  (name) =>
    JSON.parse(readFileSync(new URL(`./packages/${name}/package.json`, import.meta.url), 'utf8'))
      .sideEffects === false,
);

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
      'no-restricted-syntax': ['error', NO_ENUMS],
    },
  },
  ...BOUNDARIES.map(({ files, ignores, forbid, message, also = [] }) => ({
    files,
    ...(ignores ? { ignores } : {}),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ regex: forbid, message }, ...also],
        },
      ],
    },
  })),
  {
    // The name rules read static imports; a dynamic `import()` or an inline `import('…')` type
    // of one of ours would slip past them, and nothing needs either.
    files: BOUNDED,
    rules: {
      'no-restricted-syntax': [
        'error',
        NO_ENUMS,
        {
          selector: 'ImportExpression[source.value=/^@pantau/]',
          message: 'import our packages statically, so the boundary rules see it',
        },
        {
          selector: 'TSImportType[source.value=/^@pantau/]',
          message: 'import our packages statically, so the boundary rules see it',
        },
      ],
    },
  },
  {
    // Packages import each other by name: `../../store/src/…` from api would go round the rules.
    // Integration tests reach the shared DynamoDB Local helpers in test/support.
    files: BOUNDED,
    ignores: ['**/*.int.test.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.d.ts', '.js', '.json'] }),
      ],
    },
    rules: { 'import-x/no-relative-packages': 'error' },
  },
  {
    // These packages say `"sideEffects": false` (infra/README.md, "Bundles and cold start"): a
    // bundle drops a module none of whose exports it uses, so an import for a module's side
    // effects alone would be dropped from the Lambdas while it runs in the tests.
    files: SIDE_EFFECT_FREE.map((p) => `packages/${p}/src/**/*.ts`),
    ignores: ['**/*.test.ts'],
    plugins: { 'import-x': importX },
    rules: { 'import-x/no-unassigned-import': 'error' },
  },
);
