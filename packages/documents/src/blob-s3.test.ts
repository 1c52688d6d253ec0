import { GetObjectTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { S3BlobStore, scanStatusOf } from './blob-s3.ts';

describe('GuardDuty’s verdict decides what is served', () => {
  it('maps the scan tag: only NO_THREATS_FOUND is clean; no tag yet is pending', () => {
    expect(scanStatusOf('NO_THREATS_FOUND')).toBe('clean');
    expect(scanStatusOf('THREATS_FOUND')).toBe('infected');
    expect(scanStatusOf(undefined)).toBe('pending');
    for (const tag of ['UNSUPPORTED', 'ACCESS_DENIED', 'FAILED'])
      expect(scanStatusOf(tag)).toBe('unscannable');
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
    const download = await store.presignDownload({
      key: 'cases/c/f',
      fileName: 'surat.pdf',
      contentType: 'application/pdf',
      expiresInSeconds: 300,
    });
    const url = new URL(download.url);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(url.searchParams.get('response-content-disposition')).toContain('surat.pdf');
  });
});
