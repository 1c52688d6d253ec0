/**
 * The bundle cache's key (infra/function.ts): synths share bundles only while every file a
 * bundle can be made of is unchanged.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sourceTreeHash } from '../../infra/function.ts';

const root = mkdtempSync(join(tmpdir(), 'pantau-tree-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const write = (file: string, text: string) => {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
};

describe('the bundle cache key', () => {
  write('package-lock.json', '{}');
  write('infra/bundle.ts', 'export {};');
  write('functions/api.ts', 'export const handler = 1;');
  write('packages/core/src/case.ts', 'export const x = 1;');
  write('packages/core/package.json', '{}');

  it('changes with a function, a package source or manifest, the bundler or the lock file', () => {
    const seen = new Set([sourceTreeHash(root)]);
    for (const [file, text] of [
      ['functions/api.ts', 'export const handler = 2;'],
      ['packages/core/src/case.ts', 'export const x = 2;'],
      ['packages/core/src/new-file.ts', 'export {};'],
      ['packages/core/package.json', '{"dependencies":{}}'],
      ['infra/bundle.ts', 'export const minify = true;'],
      ['package-lock.json', '{"lockfileVersion":3}'],
    ] as const) {
      write(file, text);
      const hash = sourceTreeHash(root);
      expect(seen.has(hash), file).toBe(false);
      seen.add(hash);
    }
  });

  it('stays with what no bundle is made of: installed packages, build output, the stack', () => {
    const before = sourceTreeHash(root);
    write('packages/web/node_modules/x/index.js', 'module.exports = 1;');
    write('packages/web/dist/index.html', '<p>');
    write('infra/pantau-stack.ts', 'export {};');
    expect(sourceTreeHash(root)).toBe(before);
  });
});
