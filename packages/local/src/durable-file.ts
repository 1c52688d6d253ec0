/**
 * Files the runtime's records name (an attachment's bytes, a letter sent): on disk before the
 * record that names them is committed, so a power cut after the commit never leaves a record
 * pointing at a file that is missing or half written.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Writes `target` whole or not at all, and durably: written and fsynced under a temporary name
 * (0600), renamed into place (a reader never sees half a file; two writers of one name each
 * rename their own whole file, the last one winning), then its directory fsynced so the new
 * name survives a power cut too. Its directory is made (0700) when missing, and each folder made
 * is synced in its parent. (On macOS an fsync reaches the drive, not always its platter: a
 * power cut there may still lose the last writes.)
 */
export async function writeDurably(target: string, data: Uint8Array | string): Promise<void> {
  const dir = dirname(target);
  // The first folder it had to make, if any (a case's first file, a day's first letter).
  const made = await mkdir(dir, { recursive: true, mode: 0o700 });
  const aside = `${target}.${randomBytes(8).toString('hex')}.tmp`;
  try {
    const file = await open(aside, 'wx', 0o600);
    try {
      await file.writeFile(data);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(aside, target);
  } catch (error) {
    await rm(aside, { force: true });
    throw error;
  }
  await syncDirectory(dir);
  // A folder made for it is a new name in its parent: each synced there too, up to the
  // folder that existed.
  if (made !== undefined)
    for (let d = dir; d.length >= made.length; d = dirname(d)) await syncDirectory(dirname(d));
}

/** Best effort: some file systems (a VirtualBox share, SMB) cannot open a directory to sync it. */
async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // The file itself was synced: a power cut may lose only its new name.
  } finally {
    await handle?.close();
  }
}
