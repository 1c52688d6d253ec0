import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as fs from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';

// A file system without hard links (a VirtualBox share, SMB, some FUSE mounts): what this
// machine's cannot be made to be, so its refusal is stood in for.
vi.mock('node:fs', async (original) => ({
  ...(await original<typeof fs>()),
  linkSync: () => {
    throw Object.assign(new Error('operation not permitted, link'), { code: 'EPERM' });
  },
}));

const { writeKeyFile } = await import('./search-key.ts');
const dir = mkdtempSync(join(tmpdir(), 'pantau-keyfile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a key file on a file system without hard links', () => {
  it('is written all the same, its owner’s only, and the first start’s kept', () => {
    const file = join(dir, 'search-key');
    expect(writeKeyFile(file, 'first')).toBe('first');
    expect(readFileSync(file, 'utf8')).toBe('first');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // A second first start (two at once) reads the first one's key, never writes over it.
    expect(writeKeyFile(file, 'second')).toBe('first');
    expect(readFileSync(file, 'utf8')).toBe('first');
  });

  it('leaves no temporary file behind', () => {
    writeFileSync(join(dir, 'other'), '');
    writeKeyFile(join(dir, 'credentials.json'), '{}');
    expect(readFileSync(join(dir, 'credentials.json'), 'utf8')).toBe('{}');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
