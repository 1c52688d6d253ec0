/**
 * The embedded runtime's search key: the HMAC key of the search index (lookups and word
 * postings), made once per data dir (random, 0600) and kept beside the table it keys: lose it
 * and the index can no longer be read. On AWS the same key lives in Secrets Manager.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

export interface SearchKeyCheck {
  /**
   * Whether the table already holds cases: their lookups and postings are keyed by the search
   * key they were registered under, so a new key would leave every one of them unfindable.
   */
  holdsCases(): Promise<boolean>;
}

/**
 * The data dir's search key; made on the first start. A missing (or empty) key file is made
 * anew only while the table holds no case: otherwise the start is refused, as no job re-indexes
 * the cases under a new key (searches by NIK, phone, e-mail or words would never find them,
 * duplicate detection would miss them).
 *
 * Why a look at the case list, not a check value of the key stored in the table: it reads one
 * item of an access pattern the store already has, writes nothing, adds no item type to the
 * table (nor to an export or an AWS import of it) and needs no migration of existing tables.
 * It does not catch a key file swapped for another data dir's; a lost file is the case that
 * happens (a restore that left the small key files out).
 */
export async function searchKeyFor(dataDir: string, check: SearchKeyCheck): Promise<string> {
  const file = join(dataDir, 'search-key');
  const stored = existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
  if (stored) return stored;
  if (await check.holdsCases()) {
    throw new Error(
      `the search key ${file} is ${stored === undefined ? 'missing' : 'empty'}, but the table already holds cases: ` +
        'they were indexed under that key, and a new one would leave every one of them unfindable by search ' +
        '(NIK, phone, e-mail, words) and by duplicate detection. Restore search-key from the backup the ' +
        'database came from (the same data dir), then start again. If it is lost for good and you accept that ' +
        `earlier cases cannot be searched, make a new key yourself: (umask 077; openssl rand -base64 32 > ${file})`,
    );
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  return writeKeyFile(file, randomBytes(32).toString('base64url'), stored === undefined).trim();
}

/**
 * Writes a key file of the data dir so that a power cut leaves either no file or the whole one:
 * written and fsynced under a temporary name (`wx`, 0600), then put in place and the directory
 * fsynced. With `create`, put in place by a hard link, which unlike a rename never replaces a
 * file another runtime starting on the same dir made meanwhile: that one's content is returned
 * and both use it. Without, renamed over the file (an empty one to replace).
 */
export function writeKeyFile(file: string, content: string, create = true): string {
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  createSynced(temporary, content);
  try {
    if (create) linkOrCreate(temporary, file, content);
    else renameSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFileSync(file, 'utf8');
  } finally {
    rmSync(temporary, { force: true });
  }
  // Best effort: some file systems (a VirtualBox share, SMB) cannot open a directory to sync it.
  try {
    const dir = openSync(dirname(file), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch {
    // The file itself was synced: a power cut may lose only its name, not a half-written key.
  }
  return content;
}

/** Errors of a file system without hard links (a VirtualBox share, SMB, some FUSE mounts). */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * The synced temporary file linked in as `file`, never over one another start wrote first
 * (EEXIST); where hard links are not supported, `file` created exclusively instead (`wx`) and
 * synced, which keeps the same "first writer wins".
 */
function linkOrCreate(temporary: string, file: string, content: string): void {
  try {
    linkSync(temporary, file);
  } catch (error) {
    if (!NO_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    createSynced(file, content);
  }
}

/** A new file (`wx`: never over one that exists), its owner's only, on disk before it returns. */
function createSynced(path: string, content: string): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
