/**
 * What the embedded runtime's records name is on disk before them: an attachment's bytes and a
 * letter sent are written whole, fsynced, renamed into place and their directory fsynced. A
 * power cut cannot be made here; the order of the file system's calls, which decides what one
 * leaves, is recorded instead.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

const calls: string[] = [];
/** The name of a path as recorded: a temporary file's as `<name>.tmp`. */
const named = (path: unknown) => basename(String(path)).replace(/\.[0-9a-f]{16}\.tmp$/, '.tmp');
let failWrite = false;

vi.mock('node:fs/promises', async (original) => {
  const real = await original<typeof fsp>();
  return {
    ...real,
    open: async (...args: Parameters<typeof real.open>) => {
      const handle = await real.open(...args);
      const path = named(args[0]);
      return new Proxy(handle, {
        get(target, name) {
          if (name === 'sync')
            return async () => {
              calls.push(`sync ${path}`);
              return target.sync();
            };
          if (name === 'writeFile')
            return async (data: string | Uint8Array) => {
              if (failWrite) throw Object.assign(new Error('no space left'), { code: 'ENOSPC' });
              calls.push(`write ${path}`);
              return target.writeFile(data);
            };
          const value: unknown = Reflect.get(target, name, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    },
    rename: async (from: string, to: string) => {
      calls.push(`rename ${named(from)} ${named(to)}`);
      return real.rename(from, to);
    },
  };
});

// The unit tier shares its module cache between files (`isolate: false`): loaded afresh, so that
// these modules bind the recording file system, not one another file loaded them with.
vi.resetModules();
const { writeDurably } = await import('./durable-file.ts');
const { FileBlobStore } = await import('./blob-store.ts');
const { emlMailer } = await import('./mailer.ts');

const dir = mkdtempSync(join(tmpdir(), 'pantau-durable-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  calls.length = 0;
  failWrite = false;
});

describe('a file the runtime names in a record', () => {
  it('is synced before it takes its name, its directory after, and a folder made in its parent', async () => {
    await writeDurably(join(dir, 'a', 'letter.eml'), 'isi');
    expect(calls).toEqual([
      'write letter.eml.tmp',
      'sync letter.eml.tmp',
      'rename letter.eml.tmp letter.eml',
      'sync a',
      `sync ${basename(dir)}`,
    ]);
    // In a folder that exists: that folder alone.
    calls.length = 0;
    await writeDurably(join(dir, 'a', 'second.eml'), 'isi');
    expect(calls.at(-1)).toBe('sync a');
    expect(calls.filter((c) => c.startsWith('sync '))).toEqual(['sync second.eml.tmp', 'sync a']);
    expect(readFileSync(join(dir, 'a', 'letter.eml'), 'utf8')).toBe('isi');
  });

  it('not written whole, leaves nothing: no file, no temporary one', async () => {
    failWrite = true;
    await expect(writeDurably(join(dir, 'b', 'x.bin'), 'isi')).rejects.toMatchObject({
      code: 'ENOSPC',
    });
    expect(readdirSync(join(dir, 'b'))).toEqual([]);
  });

  it('an attachment’s bytes and its name are on disk when the store answers', async () => {
    const blobs = new FileBlobStore(join(dir, 'blobs'), () => new Date());
    calls.length = 0;
    await blobs.write(
      'cases/C1/F1',
      new TextEncoder().encode('%PDF'),
      'application/pdf',
      'surat.pdf',
    );
    expect(calls.filter((c) => c.startsWith('sync ') && c.endsWith('.tmp'))).toHaveLength(2);
    expect(calls.at(-1)).toBe('sync C1');
    // Its folders, made for its first file (the name and type, written first), in their
    // parents: the case's under `cases`, `cases` under the store's.
    expect(calls).toContain('sync cases');
    expect(calls).toContain('sync blobs');
    expect(calls.indexOf('sync F1.tmp')).toBeLessThan(calls.indexOf('rename F1.tmp F1'));
  });

  it('a letter is on disk when the mailer says it is sent', async () => {
    const mailer = emlMailer(join(dir, 'mail'));
    await mailer.send({
      id: 'L1',
      createdAt: '2026-08-04T03:00:00.000Z',
      recipients: ['humas@polri.example.go.id'],
      cc: [],
      subject: 'Surat pengingat',
      body: 'Isi surat.',
    } as never);
    // The day's folder and the mail folder were made for it: each synced in its parent.
    expect(calls).toEqual([
      'write L1.eml.tmp',
      'sync L1.eml.tmp',
      'rename L1.eml.tmp L1.eml',
      'sync 2026-08-04',
      'sync mail',
      `sync ${basename(dir)}`,
    ]);
  });
});
