import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileBlobStore } from './blob-store.ts';

const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-blobs-'));
  dirs.push(dir);
  return new FileBlobStore(dir);
};
afterAll(async () => {
  const { rm } = await import('node:fs/promises');
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

const notFound = () => new Response('next', { status: 404 });
const get = (store: FileBlobStore, url: string) =>
  Promise.resolve(store.handler(notFound)(new Request(url)));

/** The link as text, and every query value read as base64url too (a token may wrap the name). */
function readable(link: string): string[] {
  const url = new URL(link);
  const values = [...url.searchParams.values()];
  return [
    link,
    decodeURIComponent(link),
    ...values.map((v) => Buffer.from(v, 'base64url').toString('utf8')),
  ];
}

const KEY = `cases/C1/A1.${'ab'.repeat(32)}`;
const BYTES = new Uint8Array([37, 80, 68, 70, 45, 49]);

describe('the embedded store: a file’s name is kept beside its bytes, never in its link', () => {
  // Names may name people (a KTP scan); a link stays in the browser's history and in logs.
  const NAME = 'KTP_Budi_Santoso_3173012345678901.pdf';

  it('gives a link without the name, and serves the file under it', async () => {
    const store = fresh();
    await store.write(KEY, BYTES, 'application/pdf', NAME);
    const { url } = await store.presignDownload({ key: KEY, expiresInSeconds: 300 });
    for (const shown of readable(url)) {
      expect(shown).not.toContain(NAME);
      expect(shown).not.toContain('Budi');
    }
    const res = await get(store, url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${NAME}`);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(BYTES);
  });

  it('encodes a name outside ASCII, and characters RFC 8187 does not take, in the header', async () => {
    const store = fresh();
    await store.write(KEY, BYTES, 'application/pdf', 'Surat Bu Siti – (salinan)*.pdf');
    const { url } = await store.presignDownload({ key: KEY, expiresInSeconds: 300 });
    for (const shown of readable(url)) expect(shown).not.toContain('Siti');
    const res = await get(store, url);
    expect(res.headers.get('content-disposition')).toBe(
      "attachment; filename*=UTF-8''Surat%20Bu%20Siti%20%E2%80%93%20%28salinan%29%2A.pdf",
    );
  });

  it('still serves a file stored before names were kept, under its key’s last segment', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pantau-blobs-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'blobs/cases/C1'), { recursive: true });
    writeFileSync(join(dir, 'blobs', KEY), BYTES);
    const store = new FileBlobStore(dir);
    const { url } = await store.presignDownload({ key: KEY, expiresInSeconds: 300 });
    const res = await get(store, url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename*=UTF-8''${KEY.split('/').pop()}`,
    );
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(BYTES);
  });

  it('forgets the name with the bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pantau-blobs-'));
    dirs.push(dir);
    const store = new FileBlobStore(dir);
    await store.write(KEY, BYTES, 'application/pdf', NAME);
    await store.delete(KEY);
    expect(await store.read(KEY)).toBeUndefined();
    expect(readdirSync(join(dir, 'blobs/cases/C1'))).toEqual([]);
    // Bytes stored again without a name (as an upload form's are): the old name is not served.
    await store.write(KEY, BYTES);
    const { url } = await store.presignDownload({ key: KEY, expiresInSeconds: 300 });
    const res = await get(store, url);
    expect(res.headers.get('content-disposition')).not.toContain('Budi');
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
  });
});
