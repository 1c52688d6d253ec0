import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPECTED } from './sequencer.ts';

const root = join(import.meta.dirname, '../..');

describe('the order files start in', () => {
  it('names only test files that exist (a renamed file would lose its place unnoticed)', () => {
    const missing = Object.keys(EXPECTED).filter((file) => !existsSync(join(root, file)));
    expect(missing).toEqual([]);
  });
});
