import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// The import rules of eslint.config.js (README "Architecture"), run through ESLint's own API on
// snippets placed in each part of the repository: a forbidden import is an error, an allowed one
// is not. The files need not exist; a relative import's target does (it is resolved).
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BOUNDARY_RULES = new Set([
  'no-restricted-imports',
  'no-restricted-syntax',
  'import-x/no-relative-packages',
]);

let eslint: ESLint;
// The first lint loads the configuration, its plugins and the TypeScript parser (0.7 s idle,
// about 2 s on a busy machine): done here, with its own time, so each case times its rule only.
beforeAll(async () => {
  eslint = new ESLint({ cwd: ROOT });
  await eslint.lintText('\n', { filePath: `${ROOT}packages/core/src/warm-up.ts` });
}, 30_000);

async function boundaryErrors(file: string, code: string) {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: `${ROOT}${file}` });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId !== null && BOUNDARY_RULES.has(m.ruleId))
    .map((m) => ({ rule: m.ruleId, message: m.message }));
}

describe('import boundaries', () => {
  it.each([
    ['packages/core/src/use.ts', "import '@pantau/store';", 'core imports nothing of ours'],
    ['packages/core/src/use.ts', "import type { App } from '@pantau/api';", 'core imports nothing'],
    ['packages/core/src/use.test.ts', "import '@pantau/local';", 'core imports nothing of ours'],
    ['packages/core/src/use.ts', "import '@aws-sdk/client-dynamodb';", 'core is pure'],
    ['packages/api/src/routes/use.ts', "import '@pantau/store';", 'only through the Store port'],
    ['packages/api/src/use.ts', "export { runtime } from '@pantau/local';", 'Store port'],
    ['packages/api/src/use.test.ts', "import '@pantau/store/table';", 'Store port'],
    ['packages/store/src/use.ts', "import '@pantau/api';", 'adapters depend on core'],
    ['packages/workflow/src/use.ts', "import '@pantau/local';", 'adapters depend on core'],
    ['packages/store/src/use.ts', "import '@pantau/documents';", 'the store keeps no documents'],
    ['packages/core/src/use.ts', "import '@pantau/documents/pdf';", 'core imports nothing'],
    ['packages/documents/src/use.ts', "import '@pantau/api';", 'documents depend on core alone'],
    ['packages/documents/src/use.ts', "import '@pantau/local';", 'documents depend on core'],
    ['packages/documents/src/pdf/use.ts', "import '@pantau/web';", 'documents depend on core'],
    ['packages/documents/src/use.ts', "import '@pantau/store';", 'documents depend on core'],
    ['packages/web/src/use.tsx', "import '@pantau/documents';", 'only the zod schemas'],
    ['infra/use.ts', "import '@pantau/documents/pdf';", 'never loads the embedded runtime'],
    [
      'packages/api/src/use.ts',
      "export const r = () => import('@pantau/documents/pdf');",
      'statically',
    ],
    ['packages/local/src/use.ts', "import '@pantau/web';", 'serves the console as built files'],
    ['packages/intake/src/use.ts', "import '@pantau/store';", 'intake parses messages'],
    ['functions/use.ts', "import { runtime } from '@pantau/local';", 'never loads the embedded'],
    ['infra/use.ts', "import '@pantau/local';", 'never loads the embedded runtime'],
    ['packages/web/src/use.tsx', "import '@pantau/api';", 'only the zod schemas'],
    ['packages/web/src/use.tsx', "import '@pantau/core';", 'only the zod schemas'],
    ['packages/web/src/use.test.tsx', "import '@pantau/local';", 'only the zod schemas'],
    // Round the name rules: a relative path into another package, a dynamic or inline import.
    ['packages/api/src/use.ts', "import '../../store/src/index.ts';", '@pantau/store'],
    ['functions/use.ts', "import '../packages/local/src/index.ts';", '@pantau/local'],
    ['packages/web/src/use.tsx', "import '../../core/src/index.ts';", '@pantau/core'],
    ['functions/use.ts', "export const r = () => import('@pantau/local');", 'statically'],
    ['packages/api/src/use.ts', "export type S = import('@pantau/store').Store;", 'statically'],
  ])('%s: %s is an error', async (file, code, says) => {
    const errors = await boundaryErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain(says);
  });

  it.each([
    ['packages/core/src/use.ts', "import { z } from 'zod';\nimport './errors.ts';"],
    ['packages/api/src/use.ts', "import '@pantau/core';\nimport './problem.ts';"],
    // An integration test wires the app to the real adapter and the shared DynamoDB helpers.
    [
      'packages/api/src/use.int.test.ts',
      "import '@pantau/store';\nimport '../../../test/support/dynamodb.ts';",
    ],
    ['packages/store/src/use.ts', "import '@pantau/core';"],
    [
      'packages/workflow/src/use.ts',
      "import '@pantau/core';\nimport '@pantau/store';\nimport '@pantau/documents';",
    ],
    ['packages/documents/src/use.ts', "import '@pantau/core';\nimport './mime.ts';"],
    ['packages/api/src/use.ts', "import '@pantau/documents/sniff';"],
    ['packages/local/src/use.ts', "import '@pantau/documents/pdf';"],
    ['functions/use.ts', "import '@pantau/documents/blob-s3';"],
    ['packages/local/src/use.ts', "import '@pantau/api';\nimport '@pantau/store';"],
    ['functions/use.ts', "import '@pantau/api';\nimport '@pantau/store';\nimport './config.ts';"],
    ['infra/use.ts', "import '@pantau/store/table';\nimport '@pantau/api/public-routes';"],
    ['infra/use.ts', "import '@pantau/documents/guardduty';"],
    [
      'packages/web/src/use.tsx',
      "import '@pantau/core/schemas';\nimport type { paths } from './api/schema';\n" +
        "export type P = paths;\nexport const page = () => import('./pages/queue');",
    ],
    ['packages/web/src/pages/use.test.tsx', "import '../../test/render';"],
  ])('%s: allowed', async (file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([]);
  });
});

describe('packages with "sideEffects": false (core, store, workflow, documents)', () => {
  const unassigned = async (file: string, code: string) => {
    const [result] = await eslint.lintText(`${code}\n`, { filePath: `${ROOT}${file}` });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'import-x/no-unassigned-import');
  };

  // Their bundles drop a module none of whose exports is used: a bare import would run in the
  // tests and be gone from the Lambdas.
  it.each([
    ['packages/core/src/use.ts', "import './errors.ts';"],
    ['packages/store/src/use.ts', "import '@pantau/core';"],
    ['packages/workflow/src/use.ts', "import './metrics.ts';"],
    ['packages/documents/src/use.ts', "import './mime.ts';"],
  ])('%s: %s (an import for its side effects) is an error', async (file, code) => {
    expect(await unassigned(file, code)).toHaveLength(1);
  });

  it.each([
    ['packages/core/src/use.ts', "import { DomainError } from './errors.ts';"],
    ['packages/core/src/use.test.ts', "import './errors.ts';"],
    ['packages/api/src/use.ts', "import './context.ts';"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await unassigned(file, code)).toEqual([]);
  });
});
