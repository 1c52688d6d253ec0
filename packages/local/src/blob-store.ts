/**
 * The embedded blob store: attachments' bytes as files under the data dir (`blobs/`), behind
 * URLs of the same shape as S3's presigned ones: a form upload (`POST /blobs/upload` with the
 * signed policy fields, then `file`) limited in size and time, and a download link of a few
 * minutes. Why not s3rver: version 3.7.1 accepts any SigV4 signature without checking it and
 * ignores POST policies (no expiry, no content-length-range), so its "presigned" links would
 * be neither signed nor limited. Here the policy and the link are HMAC-signed with a key kept
 * in the data dir (mode 0600) and checked on every request. As on S3, a file's download name
 * and type are kept with it (a `<file>.meta.json` beside its bytes) and sent as its
 * Content-Disposition and Content-Type, never in the link: a name may name a person, and a URL
 * is kept in the browser's history and in logs.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  attachmentDisposition,
  type BlobStore,
  type PresignedUpload,
  type ScanStatus,
} from '@pantau/core';

/** An attachment's upload key, or the key its checked bytes are kept under (`.<sha256>`). */
const KEY_SHAPE = /^cases\/[A-Za-z0-9]{1,64}\/[A-Za-z0-9]{1,64}(\.[0-9a-f]{64})?$/;

type Fetch = (request: Request, env?: object) => Response | Promise<Response>;

interface UploadPolicy {
  readonly key: string;
  readonly maxBytes: number;
  readonly expiresAt: string;
}
interface DownloadGrant {
  readonly key: string;
  readonly expiresAt: string;
}
/** What S3 keeps as an object's metadata, kept beside the bytes (`<file>.meta.json`). */
interface BlobMeta {
  readonly contentType: string;
  readonly fileName: string;
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
const unb64 = (s: string) => Buffer.from(s, 'base64url').toString('utf8');

export class FileBlobStore implements BlobStore {
  private readonly secret: Buffer;
  private readonly root: string;
  /** Set once the server listens (its port may be chosen by the OS). */
  baseUrl = 'http://127.0.0.1';

  private readonly clock: () => Date;

  constructor(dataDir: string, clock: () => Date = () => new Date()) {
    this.clock = clock;
    this.root = join(dataDir, 'blobs');
    mkdirSync(this.root, { recursive: true });
    const keyFile = join(dataDir, 'blob-signing-key');
    if (!existsSync(keyFile))
      writeFileSync(keyFile, randomBytes(32).toString('hex'), { mode: 0o600 });
    this.secret = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'hex');
  }

  async presignUpload(input: {
    key: string;
    maxBytes: number;
    expiresInSeconds: number;
  }): Promise<PresignedUpload> {
    const expiresAt = this.expiry(input.expiresInSeconds);
    const policy = b64(JSON.stringify({ key: input.key, maxBytes: input.maxBytes, expiresAt }));
    return {
      url: `${this.baseUrl}/blobs/upload`,
      fields: { key: input.key, policy, signature: this.sign(policy) },
      expiresAt,
    };
  }

  async presignDownload(input: { key: string; expiresInSeconds: number }) {
    const expiresAt = this.expiry(input.expiresInSeconds);
    const grant: DownloadGrant = { key: input.key, expiresAt };
    const token = b64(JSON.stringify(grant));
    return {
      url: `${this.baseUrl}/blobs/download?token=${token}&signature=${this.sign(token)}`,
      expiresAt,
    };
  }

  /**
   * The name and type first, then the bytes: whoever reads the bytes finds them. Without them
   * (an upload form's bytes, never served) any kept before under the key are removed.
   */
  async write(key: string, bytes: Uint8Array, contentType?: string, fileName?: string) {
    if (contentType !== undefined && fileName !== undefined) {
      const meta: BlobMeta = { contentType, fileName };
      await this.atomically(this.metaPath(key), JSON.stringify(meta));
    } else await rm(this.metaPath(key), { force: true });
    await this.store(key, bytes);
  }

  async read(key: string): Promise<Uint8Array | undefined> {
    try {
      return new Uint8Array(await readFile(this.path(key)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
    await rm(this.metaPath(key), { force: true });
  }

  /** No malware scanner runs embedded: every stored file counts as clean (README, Documents). */
  async scanStatus(): Promise<ScanStatus> {
    return 'clean';
  }

  /**
   * Serves `/blobs/upload` and `/blobs/download` in front of `next` (outside the API app:
   * its 1 MiB body limit is for JSON, an upload may be 20 MB).
   */
  handler(next: Fetch): Fetch {
    return async (request, env) => {
      const url = new URL(request.url);
      if (url.pathname === '/blobs/upload' && request.method === 'POST')
        return this.upload(request);
      if (url.pathname === '/blobs/download' && request.method === 'GET') return this.download(url);
      return next(request, env);
    };
  }

  private async upload(request: Request): Promise<Response> {
    const length = Number(request.headers.get('content-length') ?? 'NaN');
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return refused(400, 'MalformedPOSTRequest', 'the body is not a multipart form');
    }
    const policyField = String(form.get('policy') ?? '');
    if (!this.verify(policyField, String(form.get('signature') ?? '')))
      return refused(403, 'AccessDenied', 'the policy’s signature does not match');
    const policy = JSON.parse(unb64(policyField)) as UploadPolicy;
    if (Date.parse(policy.expiresAt) < this.clock().getTime())
      return refused(403, 'AccessDenied', 'the upload form has expired');
    if (form.get('key') !== policy.key || !KEY_SHAPE.test(policy.key))
      return refused(403, 'AccessDenied', 'the key is not the policy’s');
    const file = form.get('file');
    if (!(file instanceof Blob)) return refused(400, 'InvalidArgument', 'no file field');
    if (file.size < 1 || file.size > policy.maxBytes || length > policy.maxBytes + 1_048_576)
      return refused(
        400,
        file.size < 1 ? 'EntityTooSmall' : 'EntityTooLarge',
        `the file must be 1 to ${policy.maxBytes} bytes`,
      );
    await this.write(policy.key, new Uint8Array(await file.arrayBuffer()));
    return new Response(null, { status: 204 });
  }

  /**
   * Written aside and renamed: a reader never sees half a file, and two writers of one key at
   * once (a completion sent twice) each rename their own whole file, the last one winning.
   */
  private async store(key: string, bytes: Uint8Array): Promise<void> {
    await this.atomically(this.path(key), bytes);
  }

  private async atomically(target: string, data: Uint8Array | string): Promise<void> {
    mkdirSync(dirname(target), { recursive: true });
    const aside = `${target}.${randomBytes(8).toString('hex')}.tmp`;
    await writeFile(aside, data);
    await rename(aside, target);
  }

  /**
   * The file's name and type as written. A file stored before they were kept is served under
   * its key's last segment (as S3 serves an object written without a Content-Disposition), as
   * bytes of no declared type.
   */
  private async meta(key: string): Promise<BlobMeta> {
    try {
      return JSON.parse(await readFile(this.metaPath(key), 'utf8')) as BlobMeta;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      return { contentType: 'application/octet-stream', fileName: key.split('/').pop()! };
    }
  }

  private async download(url: URL): Promise<Response> {
    const token = url.searchParams.get('token') ?? '';
    if (!this.verify(token, url.searchParams.get('signature') ?? ''))
      return refused(403, 'AccessDenied', 'the link’s signature does not match');
    const grant = JSON.parse(unb64(token)) as DownloadGrant;
    if (Date.parse(grant.expiresAt) < this.clock().getTime())
      return refused(403, 'AccessDenied', 'the link has expired');
    const bytes = await this.read(grant.key);
    if (!bytes) return refused(404, 'NoSuchKey', 'no such file');
    const meta = await this.meta(grant.key);
    return new Response(bytes as Uint8Array<ArrayBuffer>, {
      headers: {
        'content-type': meta.contentType,
        'content-disposition': attachmentDisposition(meta.fileName),
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  }

  private path(key: string): string {
    if (!KEY_SHAPE.test(key)) throw new Error(`not a blob key: ${key}`);
    return join(this.root, key);
  }

  /** No key ends so (KEY_SHAPE): a name is never taken for another file's bytes. */
  private metaPath(key: string): string {
    return `${this.path(key)}.meta.json`;
  }

  private expiry(seconds: number): string {
    return new Date(this.clock().getTime() + seconds * 1000).toISOString();
  }

  private sign(value: string): string {
    return createHmac('sha256', this.secret).update(value).digest('base64url');
  }

  private verify(value: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(value));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}

/** S3's error shape, enough for a client to tell why. */
const refused = (status: number, code: string, message: string) =>
  new Response(`<Error><Code>${code}</Code><Message>${message}</Message></Error>`, {
    status,
    headers: { 'content-type': 'application/xml' },
  });
