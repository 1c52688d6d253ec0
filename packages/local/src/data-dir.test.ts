import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkDataVersion,
  compareVersions,
  openDataDir,
  PANTAU_VERSION,
  useDataVersion,
} from './data-dir.ts';

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-data-dir-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const modeOf = (path: string) => statSync(path).mode & 0o777;

/** Runs `body` under a umask most systems start accounts with (022: everything world-readable). */
function underUmask022<T>(body: () => T): T {
  const previous = process.umask(0o022);
  try {
    return body();
  } finally {
    process.umask(previous);
  }
}

describe('the data dir is private: it holds complainants’ identities', () => {
  it('is made 0700, whatever the umask', () => {
    const dir = join(freshDir(), 'nested', '.pantau');
    expect(underUmask022(() => openDataDir(dir))).toEqual({});
    expect(modeOf(dir)).toBe(0o700);
  });

  it('tightens an existing data dir an older version made readable by every account', () => {
    const dir = join(freshDir(), '.pantau');
    underUmask022(() => mkdirSync(dir, { mode: 0o755 }));
    writeFileSync(join(dir, 'search-key'), 'x', { mode: 0o600 });
    expect(openDataDir(dir)).toEqual({ tightenedFrom: 0o755 });
    expect(modeOf(dir)).toBe(0o700);
    // Its content is left as it was.
    expect(readdirSync(dir)).toEqual(['search-key']);
    expect(openDataDir(dir)).toEqual({});
    chmodSync(dir, 0o750);
    expect(openDataDir(dir)).toEqual({ tightenedFrom: 0o750 });
  });
});

describe('the version that last started on the data dir', () => {
  it('compares versions as semver does', () => {
    expect(compareVersions('0.10.0', '0.9.0')).toBeGreaterThan(0);
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(compareVersions('1.0.0-rc.1', '1.0.0')).toBeLessThan(0);
    expect(compareVersions('1.0.0-rc.10', '1.0.0-rc.9')).toBeGreaterThan(0);
    expect(compareVersions('0.1.0', '0.2.0')).toBeLessThan(0);
  });

  it('takes a first start, the same version, and an upgrade', () => {
    expect(checkDataVersion(undefined, '0.2.0')).toBe('first');
    expect(checkDataVersion('0.2.0', '0.2.0')).toBe('same');
    expect(checkDataVersion('0.1.0', '0.2.0')).toBe('upgrade');
  });

  // Older code on records shaped by a newer one: nothing warned of it.
  it('refuses an older version on a data dir a newer one wrote, naming both and the override', () => {
    expect(() => checkDataVersion('0.3.0', '0.2.0')).toThrow(
      /0\.2\.0.*older than 0\.3\.0.*PANTAU_VERSION_CHECK=off/s,
    );
  });

  it('records the running version in the data dir (0600), and refuses a rollback', () => {
    const dir = freshDir();
    expect(useDataVersion(dir, '0.2.0', { check: true })).toEqual({});
    const file = join(dir, 'pantau-data.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: '0.2.0' });
    expect(modeOf(file)).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['pantau-data.json']);
    expect(useDataVersion(dir, '0.2.0', { check: true })).toEqual({});
    expect(useDataVersion(dir, '0.3.0', { check: true })).toEqual({ upgradedFrom: '0.2.0' });
    expect(() => useDataVersion(dir, '0.2.0', { check: true })).toThrow(
      /0\.2\.0.*older than 0\.3\.0/s,
    );
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: '0.3.0' });
    // Told to start anyway, it says so and records the version now running.
    const forced = useDataVersion(dir, '0.2.0', { check: false });
    expect(forced.warning).toMatch(/PANTAU_VERSION_CHECK=off.*0\.2\.0.*0\.3\.0/s);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: '0.2.0' });
  });

  it('refuses a version file it cannot read, naming it', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'pantau-data.json'), '');
    expect(() => useDataVersion(dir, '0.2.0', { check: true })).toThrow(
      /pantau-data\.json.*PANTAU_VERSION_CHECK=off/s,
    );
  });

  it('runs as the version of its package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(PANTAU_VERSION).toBe(pkg.version);
  });
});
