import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
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

describe('the embedded store is private: the bytes are complainants’ (KTP scans, letters)', () => {
  it('writes its files readable by their owner only (0600), in directories only the owner enters (0700)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pantau-blobs-'));
    dirs.push(dir);
    // The umask most accounts start with: without modes of its own, everything world-readable.
    const previous = process.umask(0o022);
    try {
      const store = new FileBlobStore(dir);
      await store.write(KEY, BYTES, 'application/pdf', 'KTP.pdf');
    } finally {
      process.umask(previous);
    }
    const modeOf = (path: string) => statSync(path).mode & 0o777;
    for (const path of ['blobs', 'blobs/cases', 'blobs/cases/C1'])
      expect(modeOf(join(dir, path)), path).toBe(0o700);
    for (const path of [`blobs/${KEY}`, `blobs/${KEY}.meta.json`, 'blob-signing-key'])
      expect(modeOf(join(dir, path)), path).toBe(0o600);
  });
});

describe('the embedded store’s upload form: no body is read before it may be taken', () => {
  // `/blobs/upload` is in front of the API (its body limit, its rate limit): anyone who reaches
  // the listener can post to it, with no token. undici's formData() read the whole body first.
  const MiB = 1024 * 1024;
  const UPLOAD_KEY = 'uploads/C1/A1';

  /** A body of `total` bytes (`head` first, then filler), counting what is pulled from it. */
  function counted(total: number, head = new Uint8Array()) {
    const filler = new Uint8Array(64 * 1024).fill(97);
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= total) return controller.close();
        const chunk = pulled === 0 && head.length > 0 ? head : filler;
        pulled += chunk.length;
        controller.enqueue(chunk);
      },
    });
    return { stream, pulled: () => pulled };
  }

  const post = (
    store: FileBlobStore,
    body: ReadableStream<Uint8Array> | Uint8Array,
    headers: Record<string, string>,
  ) =>
    Promise.resolve(
      store.handler(notFound)(
        new Request('http://127.0.0.1/blobs/upload', {
          method: 'POST',
          body: body as BodyInit,
          headers,
          duplex: 'half',
        } as RequestInit),
      ),
    );

  /** The form's fields, then the file part's head: its bytes follow. */
  const formHead = (boundary: string, fields: Record<string, string>) =>
    new TextEncoder().encode(
      [
        ...Object.entries(fields).flatMap(([name, value]) => [
          `--${boundary}`,
          `Content-Disposition: form-data; name="${name}"`,
          '',
          value,
        ]),
        `--${boundary}`,
        'Content-Disposition: form-data; name="file"; filename="bukti.pdf"',
        'Content-Type: application/pdf',
        '',
        '',
      ].join('\r\n'),
    );

  /** A whole form as a browser sends it: its bytes, type and length. */
  async function form(fields: Record<string, string>, file: Uint8Array) {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.set(name, value);
    data.set('file', new Blob([file as Uint8Array<ArrayBuffer>]), 'bukti.pdf');
    const encoded = new Response(data);
    const bytes = new Uint8Array(await encoded.arrayBuffer());
    return {
      bytes,
      headers: {
        'content-type': encoded.headers.get('content-type')!,
        'content-length': String(bytes.length),
      },
    };
  }

  it('refuses a body without a Content-Length (411), reading none of it', async () => {
    const body = counted(200 * MiB);
    const res = await post(fresh(), body.stream, {
      'content-type': 'multipart/form-data; boundary=x',
    });
    expect(res.status).toBe(411);
    expect(body.pulled()).toBeLessThan(MiB);
  });

  it('refuses a Content-Length past the largest form any policy allows (413), reading none of it', async () => {
    const body = counted(200 * MiB);
    const res = await post(fresh(), body.stream, {
      'content-type': 'multipart/form-data; boundary=x',
      'content-length': String(5 * 1024 * MiB),
    });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('EntityTooLarge');
    expect(body.pulled()).toBeLessThan(MiB);
  });

  it('refuses an unsigned form (403) on its fields, before reading its file', async () => {
    const head = formHead('x', { key: UPLOAD_KEY, policy: 'e30', signature: 'forged' });
    const body = counted(20 * MiB, head);
    const res = await post(fresh(), body.stream, {
      'content-type': 'multipart/form-data; boundary=x',
      'content-length': String(20 * MiB),
    });
    expect(res.status).toBe(403);
    expect(body.pulled()).toBeLessThan(MiB);
  });

  it('refuses a file past its policy’s size (400 EntityTooLarge), reading no more than that', async () => {
    const store = fresh();
    const { fields } = await store.presignUpload({
      key: UPLOAD_KEY,
      maxBytes: MiB,
      expiresInSeconds: 300,
    });
    // Its Content-Length says so already.
    const declared = counted(20 * MiB, formHead('x', fields));
    const early = await post(store, declared.stream, {
      'content-type': 'multipart/form-data; boundary=x',
      'content-length': String(20 * MiB),
    });
    expect(early.status).toBe(400);
    expect(await early.text()).toContain('EntityTooLarge');
    expect(declared.pulled()).toBeLessThan(MiB);
    // Or the file runs past it: the reading stops there.
    const running = counted(20 * MiB, formHead('x', fields));
    const late = await post(store, running.stream, {
      'content-type': 'multipart/form-data; boundary=x',
      'content-length': String(2 * MiB),
    });
    expect(late.status).toBe(400);
    expect(await late.text()).toContain('EntityTooLarge');
    expect(running.pulled()).toBeLessThan(2 * MiB);
    expect(await store.read(UPLOAD_KEY)).toBeUndefined();
  });

  it('stores a signed form’s file, and refuses an empty one', async () => {
    const store = fresh();
    const { fields } = await store.presignUpload({
      key: UPLOAD_KEY,
      maxBytes: MiB,
      expiresInSeconds: 300,
    });
    const empty = await form(fields, new Uint8Array());
    const refused = await post(store, empty.bytes, empty.headers);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('EntityTooSmall');
    const sent = await form(fields, BYTES);
    const res = await post(store, sent.bytes, sent.headers);
    expect(res.status).toBe(204);
    expect(await store.read(UPLOAD_KEY)).toEqual(BYTES);
  });
});
