/**
 * The embedded runtime's search key: the HMAC key of the search index (lookups and word
 * postings), made once per data dir (random, 0600) and kept beside the table it keys: lose it
 * and the index can no longer be read. On AWS the same key lives in Secrets Manager.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function searchKeyFor(dataDir: string): string {
  const file = join(dataDir, 'search-key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32).toString('base64url');
  // `wx`: two runtimes starting on one fresh dir never write two different keys.
  try {
    writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      return readFileSync(file, 'utf8').trim();
    throw error;
  }
  return key;
}
