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
import busboy from 'busboy';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  attachmentDisposition,
  type BlobStore,
  MAX_ATTACHMENT_BYTES,
  type PresignedUpload,
  type ScanStatus,
} from '@pantau/core';
import { writeDurably } from './durable-file.ts';

/**
 * An attachment's upload key (`uploads/`; `cases/` for uploads started before session 27), a
 * received file's key, or the key its checked bytes are kept under (`cases/<caseId>/<id>.<sha256>`).
 */
const KEY_SHAPE =
  /^(cases\/[A-Za-z0-9]{1,64}\/[A-Za-z0-9]{1,64}(\.[0-9a-f]{64})?|uploads\/[A-Za-z0-9]{1,64}\/[A-Za-z0-9]{1,64})$/;
/**
 * The keys a form may write: an upload key, never what is served (a checked copy, the bytes
 * that were sniffed, or a file received with the complaint: a form that could write them would
 * replace evidence unchecked).
 */
const UPLOAD_KEY_SHAPE = /^uploads\/[A-Za-z0-9]{1,64}\/[A-Za-z0-9]{1,64}$/;

/**
 * What a signature is for, signed with what it covers: one key signs forms and links, and a
 * link's signature must never pass for a form's (a reader would post its link back as a form).
 */
type Purpose = 'upload' | 'download';

type Fetch = (request: Request, env?: object) => Response | Promise<Response>;

/** Room in a form for its fields and part heads beside its file (a policy field is ~200 bytes). */
const FORM_OVERHEAD = 1_048_576;
/**
 * The largest form taken, known before any of it is read: every form is an attachment's, and
 * no policy signed here allows more than MAX_ATTACHMENT_BYTES (`presignUpload` refuses to).
 */
export const MAX_FORM_BYTES = MAX_ATTACHMENT_BYTES + FORM_OVERHEAD;
/** An upload form holds `key`, `policy` and `signature`, then `file` (as S3's). */
const FORM_LIMITS: busboy.Limits = {
  fields: 8,
  fieldSize: 8192,
  files: 1,
  parts: 9,
  headerPairs: 8,
  fileSize: MAX_ATTACHMENT_BYTES + 1,
};

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
  /**
   * What forms and links start with. The runtime makes it '' (`/blobs/...`): the browser sends
   * them to the origin the console was opened at, whichever name it was opened by (localhost,
   * a network name, a proxy's), and the console's CSP (`connect-src 'self'`) allows them. An
   * absolute origin is for a store used alone (tests), whose links a `Request` must take.
   */
  baseUrl = 'http://127.0.0.1';

  private readonly clock: () => Date;

  constructor(dataDir: string, clock: () => Date = () => new Date()) {
    this.clock = clock;
    this.root = join(dataDir, 'blobs');
    // The owner's alone (0700, files 0600): KTP scans, letters, names.
    mkdirSync(this.root, { recursive: true, mode: 0o700 });
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
    if (input.maxBytes > MAX_ATTACHMENT_BYTES)
      throw new Error(`an upload form allows at most ${MAX_ATTACHMENT_BYTES} bytes`);
    if (!UPLOAD_KEY_SHAPE.test(input.key)) throw new Error(`not an upload key: ${input.key}`);
    const expiresAt = this.expiry(input.expiresInSeconds);
    const policy = b64(JSON.stringify({ key: input.key, maxBytes: input.maxBytes, expiresAt }));
    return {
      url: `${this.baseUrl}/blobs/upload`,
      fields: { key: input.key, policy, signature: this.sign('upload', policy) },
      expiresAt,
    };
  }

  async presignDownload(input: { key: string; expiresInSeconds: number }) {
    const expiresAt = this.expiry(input.expiresInSeconds);
    const grant: DownloadGrant = { key: input.key, expiresAt };
    const token = b64(JSON.stringify(grant));
    return {
      url: `${this.baseUrl}/blobs/download?token=${token}&signature=${this.sign('download', token)}`,
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
      await writeDurably(this.metaPath(key), JSON.stringify(meta));
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

  /**
   * Anyone who reaches the listener may post here (no token, no rate limit): nothing of the
   * body is read before its Content-Length is known and allowed, and then only as it arrives
   * (busboy), the fields first: a form whose policy is not ours is refused before its file is
   * read, and a file is read no further than its policy allows. A body left unread is drained
   * (briefly) or its connection closed by the server (@hono/node-server).
   */
  private async upload(request: Request): Promise<Response> {
    const declared = request.headers.get('content-length') ?? '';
    if (!/^\d{1,15}$/.test(declared))
      return refused(411, 'MissingContentLength', 'the form needs a Content-Length');
    const length = Number(declared);
    if (length > MAX_FORM_BYTES)
      return refused(413, 'EntityTooLarge', `the form must be at most ${MAX_FORM_BYTES} bytes`);
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: { 'content-type': request.headers.get('content-type') ?? '' },
        limits: FORM_LIMITS,
      });
    } catch {
      return refused(400, 'MalformedPOSTRequest', 'the body is not a multipart form');
    }
    if (!request.body) return refused(400, 'MalformedPOSTRequest', 'the form is empty');
    const body = request.body;

    return new Promise<Response>((resolve, reject) => {
      let answered = false;
      const answer = (response: Response) => {
        answered = true;
        resolve(response);
      };
      const fields = new Map<string, string>();
      let sawFile = false;
      parser.on('field', (name, value) => fields.set(name, value));
      parser.on('file', (name, file) => {
        if (name !== 'file' || answered) {
          file.resume();
          return;
        }
        sawFile = true;
        const policy = this.uploadPolicy(fields, length);
        if (policy instanceof Response) {
          file.resume();
          return answer(policy);
        }
        const chunks: Buffer[] = [];
        let size = 0;
        file.on('data', (chunk: Buffer) => {
          if (answered) return;
          size += chunk.length;
          if (size > policy.maxBytes) answer(fileSizeRefused(policy.maxBytes, 'EntityTooLarge'));
          else chunks.push(chunk);
        });
        file.on('end', () => {
          if (answered) return;
          if (size < 1) return answer(fileSizeRefused(policy.maxBytes, 'EntityTooSmall'));
          answered = true;
          this.write(policy.key, Buffer.concat(chunks)).then(
            () => resolve(new Response(null, { status: 204 })),
            reject,
          );
        });
      });
      parser.on('close', () => {
        if (!sawFile && !answered) answer(refused(400, 'InvalidArgument', 'no file field'));
      });
      const malformed = () => {
        if (!answered)
          answer(refused(400, 'MalformedPOSTRequest', 'the body is not a multipart form'));
      };
      parser.on('error', malformed);
      feed(body, parser, length, () => answered).catch(malformed);
    });
  }

  /**
   * The form's policy, if it is one this store signed as a form's, whole (every field present:
   * without `maxBytes` no size limit would apply), unexpired, for the form's key, an upload key.
   */
  private uploadPolicy(
    fields: ReadonlyMap<string, string>,
    length: number,
  ): UploadPolicy | Response {
    const policyField = fields.get('policy') ?? '';
    if (!this.verify('upload', policyField, fields.get('signature') ?? ''))
      return refused(403, 'AccessDenied', 'the policy’s signature does not match');
    const policy = parsePolicy(unb64(policyField));
    if (!policy) return refused(403, 'AccessDenied', 'the policy is not an upload form’s');
    if (!(Date.parse(policy.expiresAt) >= this.clock().getTime()))
      return refused(403, 'AccessDenied', 'the upload form has expired');
    if (fields.get('key') !== policy.key || !UPLOAD_KEY_SHAPE.test(policy.key))
      return refused(403, 'AccessDenied', 'the key is not the policy’s');
    if (length > policy.maxBytes + FORM_OVERHEAD)
      return fileSizeRefused(policy.maxBytes, 'EntityTooLarge');
    return policy;
  }

  /**
   * Written aside, synced and renamed (`writeDurably`): a reader never sees half a file, two
   * writers of one key at once (a completion sent twice) each rename their own whole file, the
   * last one winning, and the bytes are on disk before the attachment's record names them.
   */
  private async store(key: string, bytes: Uint8Array): Promise<void> {
    await writeDurably(this.path(key), bytes);
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
    if (!this.verify('download', token, url.searchParams.get('signature') ?? ''))
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

  /** The purpose first, then a newline (never in base64url): no value signs as another's. */
  private sign(purpose: Purpose, value: string): string {
    return createHmac('sha256', this.secret).update(`${purpose}\n${value}`).digest('base64url');
  }

  private verify(purpose: Purpose, value: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(purpose, value));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}

/**
 * Hands the body to the parser as it arrives, while an answer is still to be found, never
 * past its Content-Length (Node's HTTP parser holds a request to it; this holds anything else).
 */
async function feed(
  body: ReadableStream<Uint8Array>,
  parser: busboy.Busboy,
  length: number,
  answered: () => boolean,
): Promise<void> {
  const reader = body.getReader();
  let read = 0;
  while (!answered()) {
    const next = await reader.read();
    if (next.done) {
      parser.end();
      return;
    }
    read += next.value.byteLength;
    if (read > length) throw new Error('the body runs past its Content-Length');
    if (!parser.write(next.value)) await once(parser, 'drain');
  }
}

/** A signed policy as `presignUpload` writes it, or undefined if any field is missing or off. */
function parsePolicy(text: string): UploadPolicy | undefined {
  let policy: Partial<Record<keyof UploadPolicy, unknown>>;
  try {
    policy = JSON.parse(text) as typeof policy;
  } catch {
    return undefined;
  }
  const { key, maxBytes, expiresAt } = policy ?? {};
  if (typeof key !== 'string' || typeof expiresAt !== 'string') return undefined;
  if (!Number.isSafeInteger(maxBytes) || (maxBytes as number) < 1) return undefined;
  if ((maxBytes as number) > MAX_ATTACHMENT_BYTES) return undefined;
  return { key, maxBytes: maxBytes as number, expiresAt };
}

const fileSizeRefused = (maxBytes: number, code: 'EntityTooSmall' | 'EntityTooLarge') =>
  refused(400, code, `the file must be 1 to ${maxBytes} bytes`);

/** S3's error shape, enough for a client to tell why. */
const refused = (status: number, code: string, message: string) =>
  new Response(`<Error><Code>${code}</Code><Message>${message}</Message></Error>`, {
    status,
    headers: { 'content-type': 'application/xml' },
  });
