/**
 * The embedded store's forms and links each for their own purpose: one key signs both, and a
 * reader's download link posted back as an upload form would replace a checked file (audit of
 * session 26, finding 2). Links are root-relative in the runtime: absolute only here.
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileBlobStore } from './blob-store.ts';

const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-forms-'));
  dirs.push(dir);
  return { dir, store: new FileBlobStore(dir) };
};
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

const UPLOAD_KEY = 'uploads/C1/A1';
/** A received file's key (an e-mail's, the public form's) and a completed upload's checked copy. */
const RECEIVED_KEY = 'cases/C1/A1';
const CHECKED_KEY = `${RECEIVED_KEY}.${'ab'.repeat(32)}`;
const PDF = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
const serve = (store: FileBlobStore) => store.handler(() => new Response(null, { status: 404 }));
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A signature made with the store's own key, as the store signs `purpose` (a forger's best). */
function signed(dir: string, purpose: string, value: string): string {
  const secret = Buffer.from(readFileSync(join(dir, 'blob-signing-key'), 'utf8').trim(), 'hex');
  return createHmac('sha256', secret).update(`${purpose}\n${value}`).digest('base64url');
}

/** POSTs a multipart form as a browser encodes it, with its Content-Length. */
async function post(store: FileBlobStore, fields: Record<string, string>, bytes: Uint8Array) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), 'x.pdf');
  const encoded = new Request('http://pantau.test/blobs/upload', { method: 'POST', body: form });
  const body = await encoded.arrayBuffer();
  return serve(store)(
    new Request('http://pantau.test/blobs/upload', {
      method: 'POST',
      body,
      headers: {
        'content-type': encoded.headers.get('content-type')!,
        'content-length': String(body.byteLength),
      },
    }),
  );
}

describe('the embedded store: an upload form and a download link are never each other', () => {
  it('takes its own form', async () => {
    const { store } = fresh();
    const upload = await store.presignUpload({
      key: UPLOAD_KEY,
      maxBytes: 100,
      expiresInSeconds: 300,
    });
    expect((await post(store, upload.fields, PDF)).status).toBe(204);
    expect(await store.read(UPLOAD_KEY)).toEqual(PDF);
  });

  it('refuses a download link posted as a form', async () => {
    const { store } = fresh();
    await store.write(UPLOAD_KEY, PDF);
    const link = new URL(
      (await store.presignDownload({ key: UPLOAD_KEY, expiresInSeconds: 300 })).url,
    );
    const token = link.searchParams.get('token')!;
    const posted = await post(
      store,
      { key: UPLOAD_KEY, policy: token, signature: link.searchParams.get('signature')! },
      new TextEncoder().encode('MZ'),
    );
    expect(posted.status).toBe(403);
    expect(await store.read(UPLOAD_KEY)).toEqual(PDF);
  });

  it('refuses an upload form’s policy used as a download link', async () => {
    const { store } = fresh();
    await store.write(UPLOAD_KEY, PDF);
    const upload = await store.presignUpload({
      key: UPLOAD_KEY,
      maxBytes: 100,
      expiresInSeconds: 300,
    });
    const url = `http://pantau.test/blobs/download?token=${upload.fields.policy}&signature=${upload.fields.signature}`;
    expect((await serve(store)(new Request(url))).status).toBe(403);
  });

  it('refuses a form whose signed policy lacks its size limit or names what is served', async () => {
    const { dir, store } = fresh();
    const expiresAt = new Date(Date.now() + 300_000).toISOString();
    for (const policy of [
      b64({ key: UPLOAD_KEY, expiresAt }),
      b64({ key: UPLOAD_KEY, maxBytes: '100', expiresAt }),
      b64({ key: UPLOAD_KEY, maxBytes: 100 }),
      b64({ key: CHECKED_KEY, maxBytes: 100, expiresAt }),
      b64({ key: RECEIVED_KEY, maxBytes: 100, expiresAt }),
    ]) {
      const key = (JSON.parse(Buffer.from(policy, 'base64url').toString()) as { key: string }).key;
      const posted = await post(
        store,
        { key, policy, signature: signed(dir, 'upload', policy) },
        PDF,
      );
      expect(posted.status, Buffer.from(policy, 'base64url').toString()).toBe(403);
    }
    expect(await store.read(UPLOAD_KEY)).toBeUndefined();
    expect(await store.read(CHECKED_KEY)).toBeUndefined();
    expect(await store.read(RECEIVED_KEY)).toBeUndefined();
  });

  it('never signs a form for what is served: a checked copy, a file received with the complaint', async () => {
    const { store } = fresh();
    for (const key of [CHECKED_KEY, RECEIVED_KEY])
      await expect(
        store.presignUpload({ key, maxBytes: 100, expiresInSeconds: 300 }),
      ).rejects.toThrow(/not an upload key/);
  });
});
