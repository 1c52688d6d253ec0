import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchKeyFor } from './search-key.ts';

describe('the embedded search key', () => {
  it('is made once per data dir, 0600, and read back the same', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pantau-search-key-'));
    const key = searchKeyFor(dir);
    expect(key).toMatch(/^[\w-]{43}$/);
    expect(statSync(join(dir, 'search-key')).mode & 0o777).toBe(0o600);
    expect(searchKeyFor(dir)).toBe(key);
    expect(searchKeyFor(mkdtempSync(join(tmpdir(), 'pantau-search-key-')))).not.toBe(key);
  });
});
