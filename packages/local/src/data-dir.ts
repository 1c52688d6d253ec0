/**
 * The data dir as a unit's system of record, checked before anything starts on it:
 * - It is private (0700): it holds the table (complainants' identities, hidden ones too), their
 *   scans and every letter, and on a shared office server every account could read a data dir
 *   made at the default mode. Its files are written 0600 where Pantau writes them, and
 *   DynamoDB Local's JVM runs under umask 077 (dynamodb-local.ts).
 * - It records the Pantau version that last started on it (`pantau-data.json`): an older
 *   version refuses it, as it would run on records shaped by the newer one.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeKeyFile } from './search-key.ts';

/** The data dir's and its directories' mode: the owner's alone. */
export const PRIVATE_DIR = 0o700;
/** The mode of every file Pantau writes in the data dir. */
export const PRIVATE_FILE = 0o600;

/** This runtime's version: its package.json's. */
export const PANTAU_VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

/**
 * Makes the data dir (0700) or, when it exists with a looser mode (made by an older version, or
 * by hand), makes it 0700: its content then is the owner's alone, whatever the modes inside.
 * `tightenedFrom`: the mode it had, for the start to log.
 */
export function openDataDir(dataDir: string): { tightenedFrom?: number } {
  mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIR });
  const mode = statSync(dataDir).mode & 0o777;
  if ((mode & 0o077) === 0) return {};
  chmodSync(dataDir, PRIVATE_DIR);
  return { tightenedFrom: mode };
}

const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

/** Semver's order of two versions (negative: `a` is older); throws on one that is not semver. */
export function compareVersions(a: string, b: string): number {
  const [pa, pb] = [a, b].map((v) => {
    const m = SEMVER.exec(v);
    if (!m) throw new Error(`not a version: ${JSON.stringify(v)}`);
    return m;
  }) as [RegExpExecArray, RegExpExecArray];
  for (const i of [1, 2, 3]) {
    const d = Number(pa[i]) - Number(pb[i]);
    if (d !== 0) return d;
  }
  // A pre-release comes before its release; pre-releases compare by their dot-separated parts.
  const [ra, rb] = [pa[4], pb[4]];
  if (ra === undefined || rb === undefined) return ra === rb ? 0 : ra === undefined ? 1 : -1;
  const [xa, xb] = [ra.split('.'), rb.split('.')];
  for (let i = 0; i < Math.min(xa.length, xb.length); i++) {
    const [sa, sb] = [xa[i]!, xb[i]!];
    const [na, nb] = [/^\d+$/.test(sa), /^\d+$/.test(sb)];
    if (na && nb && Number(sa) !== Number(sb)) return Number(sa) - Number(sb);
    if (na !== nb) return na ? -1 : 1;
    if (!na && sa !== sb) return sa < sb ? -1 : 1;
  }
  return xa.length - xb.length;
}

/**
 * Whether `running` may start on a data dir `stored` last started on (`undefined`: none did).
 * An older version refuses: it would read and write records a newer one shaped, which nothing
 * promises it understands (a rollback after a bad upgrade).
 */
export function checkDataVersion(
  stored: string | undefined,
  running: string,
): 'first' | 'same' | 'upgrade' {
  if (stored === undefined) return 'first';
  const order = compareVersions(running, stored);
  if (order === 0) return 'same';
  if (order > 0) return 'upgrade';
  throw new Error(
    `this Pantau, version ${running}, is older than ${stored}, the version that last started on ` +
      'this data dir: it would run on records the newer version shaped, which it may misread or ' +
      `overwrite. Start version ${stored} or later instead, or restore the data dir from a backup ` +
      `taken before the upgrade to ${stored}. If you know ${running} reads this data correctly, ` +
      'start once with PANTAU_VERSION_CHECK=off.',
  );
}

/**
 * Checks the version that last started on the data dir against `running`, then records
 * `running` (0600, atomically). `upgradedFrom`: the older version found, for the start to log;
 * `warning`: with `check` off, the refusal the check would have made.
 */
export function useDataVersion(
  dataDir: string,
  running: string,
  options: { readonly check: boolean },
): { upgradedFrom?: string; warning?: string } {
  const file = join(dataDir, 'pantau-data.json');
  let outcome: { upgradedFrom?: string; warning?: string } = {};
  try {
    const stored = storedVersion(file);
    if (checkDataVersion(stored, running) === 'upgrade') outcome = { upgradedFrom: stored! };
  } catch (error) {
    if (options.check) throw error;
    outcome = { warning: `started with PANTAU_VERSION_CHECK=off: ${(error as Error).message}` };
  }
  writeKeyFile(file, `${JSON.stringify({ version: running })}\n`, false);
  return outcome;
}

function storedVersion(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  let version: unknown;
  try {
    version = (JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version;
    if (typeof version === 'string') compareVersions(version, version);
  } catch {
    version = undefined;
  }
  if (typeof version !== 'string')
    throw new Error(
      `${file} does not say which Pantau version last started on this data dir (it is damaged), ` +
        'so Pantau cannot tell whether it is older than that one. Start the version you ran last; ' +
        'if that is this one (or later), start once with PANTAU_VERSION_CHECK=off.',
    );
  return version;
}
