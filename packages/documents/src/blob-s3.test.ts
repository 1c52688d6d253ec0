import { GetObjectTaggingCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { S3BlobStore, scanStatusOf } from './blob-s3.ts';

describe('GuardDuty’s verdict decides what is served', () => {
  it('maps the scan tag: only NO_THREATS_FOUND is clean; no tag yet is pending', () => {
    expect(scanStatusOf('NO_THREATS_FOUND')).toBe('clean');
    expect(scanStatusOf('THREATS_FOUND')).toBe('infected');
    expect(scanStatusOf(undefined)).toBe('pending');
    expect(scanStatusOf('UNSUPPORTED')).toBe('unscannable');
    // The scan did not run: an operator's matter, not a verdict on the file.
    for (const tag of ['ACCESS_DENIED', 'FAILED']) expect(scanStatusOf(tag)).toBe('failed');
  });

  // GuardDuty cannot run here: the tag it writes is played by a mocked S3 (the only place).
  it('reads the tag GuardDuty wrote on the object', async () => {
    const s3 = mockClient(S3Client);
    s3.on(GetObjectTaggingCommand, { Key: 'cases/c/bad' }).resolves({
      TagSet: [{ Key: 'GuardDutyMalwareScanStatus', Value: 'THREATS_FOUND' }],
    });
    s3.on(GetObjectTaggingCommand, { Key: 'cases/c/new' }).resolves({ TagSet: [] });
    const store = new S3BlobStore(new S3Client({ region: 'ap-southeast-3' }), 'bucket');
    expect(await store.scanStatus('cases/c/bad')).toBe('infected');
    expect(await store.scanStatus('cases/c/new')).toBe('pending');
    s3.restore();
  });

  it('presigns a POST whose policy limits the size, and a GET of a few minutes', async () => {
    const client = new S3Client({
      region: 'ap-southeast-3',
      credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' },
    });
    const store = new S3BlobStore(client, 'pantau-files', () => new Date('2026-03-16T03:00:00Z'));
    const upload = await store.presignUpload({
      key: 'cases/c/f',
      maxBytes: 20_971_520,
      expiresInSeconds: 900,
    });
    const policy = JSON.parse(Buffer.from(upload.fields.Policy!, 'base64').toString());
    expect(policy.conditions).toContainEqual(['content-length-range', 1, 20_971_520]);
    expect(upload.fields.key).toBe('cases/c/f');
    expect(upload.expiresAt).toBe('2026-03-16T03:15:00.000Z');
    const download = await store.presignDownload({ key: 'cases/c/f', expiresInSeconds: 300 });
    const url = new URL(download.url);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
  });
});

describe('a file’s name travels with the object, never in its download link', () => {
  // Names may name people; S3's access logs keep the whole request URI (a year), and the
  // browser's history keeps the link.
  const NAME = 'KTP_Budi_Santoso_3173012345678901.pdf';
  const client = () =>
    new S3Client({
      region: 'ap-southeast-3',
      credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' },
    });

  it('presigns a GET whose query carries no response-* override and no name', async () => {
    const store = new S3BlobStore(client(), 'pantau-files');
    const download = await store.presignDownload({ key: 'cases/c/f', expiresInSeconds: 300 });
    const url = new URL(download.url);
    expect(
      [...url.searchParams.keys()].filter((k) => k.toLowerCase().startsWith('response-')),
    ).toEqual([]);
    for (const shown of [download.url, decodeURIComponent(download.url)]) {
      expect(shown).not.toContain(NAME);
      expect(shown).not.toContain('Budi');
    }
  });

  it('stores the name and type as the object’s Content-Disposition and Content-Type', async () => {
    const s3 = mockClient(S3Client);
    s3.on(PutObjectCommand).resolves({});
    const store = new S3BlobStore(new S3Client({ region: 'ap-southeast-3' }), 'pantau-files');
    await store.write('cases/c/f.abc', new Uint8Array([1, 2, 3]), 'application/pdf', NAME);
    const [put] = s3.commandCalls(PutObjectCommand);
    expect(put!.args[0].input).toMatchObject({
      Bucket: 'pantau-files',
      Key: 'cases/c/f.abc',
      ContentType: 'application/pdf',
      ContentDisposition: `attachment; filename*=UTF-8''${NAME}`,
    });
    s3.restore();
  });

  // A scan of an identity card opened on a shared office computer must not stay in its cache;
  // embedded, the blob store's download says the same (packages/local/src/blob-store.ts).
  it('is served with Cache-Control private, no-store: no browser keeps a copy', async () => {
    const s3 = mockClient(S3Client);
    s3.on(PutObjectCommand).resolves({});
    const store = new S3BlobStore(new S3Client({ region: 'ap-southeast-3' }), 'pantau-files');
    await store.write('cases/c/f.abc', new Uint8Array([1, 2, 3]), 'application/pdf', NAME);
    const [put] = s3.commandCalls(PutObjectCommand);
    expect(put!.args[0].input.CacheControl).toBe('private, no-store');
    s3.restore();
  });
});

describe('what the evidence costs to keep', () => {
  // Evidence is read while the case is worked and kept for years: S3 Standard's price for all
  // of it would be the bill's largest storage line (BENCHMARKS.md, "The whole bill").
  it('is written into Intelligent-Tiering, not S3 Standard', async () => {
    const s3 = mockClient(S3Client);
    s3.on(PutObjectCommand).resolves({});
    const store = new S3BlobStore(new S3Client({ region: 'ap-southeast-3' }), 'pantau-files');
    await store.write('cases/c/f.abc', new Uint8Array([1, 2, 3]), 'application/pdf', 'surat.pdf');
    const [put] = s3.commandCalls(PutObjectCommand);
    expect(put!.args[0].input.StorageClass).toBe('INTELLIGENT_TIERING');
    s3.restore();
  });
});
