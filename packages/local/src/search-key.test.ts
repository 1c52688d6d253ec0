import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchKeyFor } from './search-key.ts';

const freshDir = () => mkdtempSync(join(tmpdir(), 'pantau-search-key-'));
const empty = { holdsCases: async () => false };

describe('the embedded search key', () => {
  it('is made once per data dir, 0600, and read back the same', async () => {
    const dir = freshDir();
    const key = await searchKeyFor(dir, empty);
    expect(key).toMatch(/^[\w-]{43}$/);
    expect(statSync(join(dir, 'search-key')).mode & 0o777).toBe(0o600);
    // Written atomically: no temporary file is left beside it.
    expect(readdirSync(dir)).toEqual(['search-key']);
    expect(await searchKeyFor(dir, empty)).toBe(key);
    expect(await searchKeyFor(freshDir(), empty)).not.toBe(key);
  });

  it('is never made anew for a table that already holds cases (their index is under the lost key)', async () => {
    const dir = freshDir();
    const start = searchKeyFor(dir, { holdsCases: async () => true });
    await expect(start).rejects.toThrow(/search-key.*missing.*already holds cases/s);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reads a key file a power cut left empty as a lost one', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'search-key'), '');
    await expect(searchKeyFor(dir, { holdsCases: async () => true })).rejects.toThrow(/empty/);
    const key = await searchKeyFor(dir, empty);
    expect(key).toMatch(/^[\w-]{43}$/);
    expect(await searchKeyFor(dir, { holdsCases: async () => true })).toBe(key);
  });
});
