/**
 * GuardDuty's scan results as they come (functions/scan-result.ts on AWS), on DynamoDB Local: a
 * file the scan refuses is listed refused to central at once, and gone from the agency's list, and its
 * download refused from the record, not first from the object's tag; a result sent again, a
 * result about the upload's own copy, a clean or failed result and another bucket's change
 * nothing; a visibility change racing the result loses neither.
 */
import type { Service } from '@pantau/core';
import { attachmentKey, uploadKey } from '@pantau/core';
import { onScanResult } from '@pantau/documents/guardduty';
import type { DynamoStore } from '@pantau/store';
import { serviceWithFiles, uploaded } from '../support/files.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { FileBlobStore } from '../../packages/local/src/blob-store.ts';
import { centralOfficer, forwardedCase, manualClock, officerOf } from '../support/dynamodb.ts';

const BUCKET = 'pantau-attachments-test';
const clock = manualClock('2026-08-03T03:00:00.000Z');
let store: DynamoStore;
let service: Service;
let blobs: FileBlobStore;

beforeAll(async () => {
  // Embedded, every file is clean: a download refused below is refused by the record alone.
  ({ store, blobs, service } = await serviceWithFiles(
    clock,
    (dir) => new FileBlobStore(dir, clock.now),
  ));
});

/** The event GuardDuty publishes on the default bus (its guide's sample, with our key). */
const scanEvent = (objectKey: string, scanResultStatus: string, bucketName = BUCKET) => ({
  version: '0',
  id: '72c7d362-737a-6dce-fc78-9e27a0171419',
  'detail-type': 'GuardDuty Malware Protection Object Scan Result',
  source: 'aws.guardduty',
  account: '111122223333',
  time: '2026-08-03T03:01:00Z',
  region: 'ap-southeast-3',
  resources: [
    'arn:aws:guardduty:ap-southeast-3:111122223333:malware-protection-plan/b4c7f464ab3a4EXAMPLE',
  ],
  detail: {
    schemaVersion: '1.0',
    scanStatus: 'COMPLETED',
    resourceType: 'S3_OBJECT',
    s3ObjectDetails: {
      bucketName,
      objectKey,
      eTag: 'ASIAI44QH8DHBEXAMPLE',
      versionId: 'd41d8cd98f00b204e9800998eEXAMPLE',
      s3Throttled: false,
    },
    scanResultDetails: {
      scanResultStatus,
      threats:
        scanResultStatus === 'THREATS_FOUND' ? [{ name: 'EICAR-Test-File (not a virus)' }] : null,
    },
  },
});

const deliver = (event: unknown) =>
  onScanResult(event, {
    bucket: BUCKET,
    record: (input) => service.recordScanVerdict(input),
  });

/** Central's file on a forwarded case, completed: its record (with its key) and its id. */
async function completedFile(name = 'bukti.pdf') {
  const { caseId } = await forwardedCase(service, ['polri']);
  const id = await uploaded(service, blobs, centralOfficer, caseId, {
    name,
    visibility: 'agencies',
  });
  return { caseId, id, record: await recordOf(caseId, id) };
}

const recordOf = async (caseId: string, id: string) => {
  const found = (await store.listAttachments(caseId)).find((a) => a.id === id);
  if (!found) throw new Error(`no attachment ${id}`);
  return found;
};

describe('a scan result that is not clean', () => {
  it('lists the file refused to central at once, takes it from the agency’s list, and refuses its download from the record', async () => {
    const { caseId, id, record } = await completedFile();
    const result = await deliver(scanEvent(record.key, 'THREATS_FOUND'));
    expect(result).toEqual({ key: record.key, scan: 'infected', outcome: 'refused' });
    const listed = await service.listAttachments(centralOfficer, caseId);
    expect(listed.items.find((a) => a.id === id)).toMatchObject({
      status: 'refused',
      scan: 'infected',
    });
    // The agency it was shared with no longer finds it (as with any file not available).
    const agencys = await service.listAttachments(officerOf('polri'), caseId);
    expect(agencys.items.map((a) => a.id)).not.toContain(id);
    // The object's tag (embedded: always clean) is not read again: the record refuses.
    await expect(service.downloadAttachment(centralOfficer, caseId, id)).rejects.toMatchObject({
      code: 'scan_refused',
    });
  });

  it('marks a file the scan could not read (UNSUPPORTED) unscannable', async () => {
    const { caseId, id, record } = await completedFile('terkunci.pdf');
    expect((await deliver(scanEvent(record.key, 'UNSUPPORTED'))).outcome).toBe('refused');
    expect(await recordOf(caseId, id)).toMatchObject({ status: 'refused', scan: 'unscannable' });
  });

  it('writes nothing when sent again (EventBridge delivers at least once)', async () => {
    const { caseId, id, record } = await completedFile();
    await deliver(scanEvent(record.key, 'THREATS_FOUND'));
    const refused = await recordOf(caseId, id);
    expect((await deliver(scanEvent(record.key, 'THREATS_FOUND'))).outcome).toBe('unchanged');
    expect(await recordOf(caseId, id)).toEqual(refused);
  });

  it('loses no visibility change made at the same moment, nor is lost to it', async () => {
    const { caseId, id, record } = await completedFile();
    await Promise.all([
      deliver(scanEvent(record.key, 'THREATS_FOUND')),
      service.updateAttachment(centralOfficer, caseId, id, 'central'),
    ]);
    expect(await recordOf(caseId, id)).toMatchObject({
      status: 'refused',
      scan: 'infected',
      visibility: 'central',
    });
  });
});

describe('results that change nothing', () => {
  it('a result about an upload’s own copy (its checked copy is scanned on its own)', async () => {
    const { caseId, id, record } = await completedFile();
    expect(record.key).toBe(`cases/${caseId}/${id}.${record.sha256}`);
    // Uploads are kept under uploads/, which GuardDuty does not scan; one started before
    // session 27 was written under cases/<caseId>/<id>, scanned, and its result still comes.
    for (const copy of [uploadKey(caseId, id), attachmentKey(caseId, id)])
      expect((await deliver(scanEvent(copy, 'THREATS_FOUND'))).outcome).toBe('unchanged');
    expect(await recordOf(caseId, id)).toEqual(record);
  });

  it('a clean result, a scan that did not run (the download answers 503), a key of no case', async () => {
    const { caseId, id, record } = await completedFile();
    expect(await deliver(scanEvent(record.key, 'NO_THREATS_FOUND'))).toMatchObject({
      scan: 'clean',
      outcome: 'unchanged',
    });
    expect(await deliver(scanEvent(record.key, 'FAILED'))).toMatchObject({
      scan: 'failed',
      outcome: 'unchanged',
    });
    expect((await deliver(scanEvent('letters/2026/x.pdf', 'THREATS_FOUND'))).outcome).toBe(
      'unchanged',
    );
    expect(
      (await deliver(scanEvent(`cases/${caseId}/01KNOSUCHFILE0000000000000`, 'THREATS_FOUND')))
        .outcome,
    ).toBe('unchanged');
    expect(await recordOf(caseId, id)).toEqual(record);
  });

  it('throws on another bucket’s result or another event, so a wrong rule shows as errors', async () => {
    const { record } = await completedFile();
    await expect(deliver(scanEvent(record.key, 'THREATS_FOUND', 'someone-else'))).rejects.toThrow(
      /someone-else/,
    );
    await expect(deliver({ source: 'aws.s3', detail: {} })).rejects.toThrow();
  });
});
