/**
 * Completing an upload on DynamoDB Local, in the interleavings that HTTP timing only
 * sometimes produces: a retry sent while the first completion is on its way.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  uploadKey,
  DomainError,
  newAttachment,
  type Principal,
  type ScanStatus,
  Service,
} from '@pantau/core';
import { ulid } from 'ulid';
import { inspectUpload } from '@pantau/documents/sniff';
import type { DynamoStore } from '@pantau/store';
import { FileBlobStore } from '../../packages/local/src/blob-store.ts';
import { serviceWithFiles } from '../support/files.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { SMALL_PDF } from '../support/documents.ts';
import {
  addAgencies,
  centralOfficer,
  forwardedCase,
  manualClock,
  officerOf,
} from '../support/dynamodb.ts';

const START = '2026-08-03T03:00:00.000Z';
const clock = manualClock(START);

/** A blob store whose next read or write waits, once it has begun, until `release` is called. */
class HeldBlobs extends FileBlobStore {
  #held: { op: 'read' | 'write'; until: Promise<void>; begun: () => void } | undefined;
  release = () => {};
  /** Resolves when the held call has begun. */
  holdNext(op: 'read' | 'write'): Promise<void> {
    const until = new Promise<void>((resolve) => (this.release = resolve));
    return new Promise((begun) => (this.#held = { op, until, begun }));
  }
  async #wait(op: 'read' | 'write'): Promise<void> {
    const held = this.#held;
    if (held?.op !== op) return;
    this.#held = undefined;
    held.begun();
    await held.until;
  }
  override async read(key: string): Promise<Uint8Array | undefined> {
    await this.#wait('read');
    return super.read(key);
  }
  override async write(key: string, bytes: Uint8Array, contentType?: string, fileName?: string) {
    await this.#wait('write');
    return super.write(key, bytes, contentType, fileName);
  }
}

let blobs: HeldBlobs;
let service: Service;
let store: DynamoStore;

beforeAll(async () => {
  ({ store, blobs, service } = await serviceWithFiles(
    clock,
    (dir) => new HeldBlobs(dir, clock.now),
  ));
});

describe('a completion sent twice at once', () => {
  it('answers the attachment to the one that read the upload after the other had kept it', async () => {
    const { caseId } = await forwardedCase(service, ['polri']);
    const started = await service.createAttachment(centralOfficer, caseId, {
      name: 'surat.pdf',
      size: SMALL_PDF.byteLength,
    });
    await blobs.write(uploadKey(caseId, started.attachment.id), SMALL_PDF);
    // The first reads the record, then waits at the upload's bytes; the second finishes.
    const begun = blobs.holdNext('read');
    const first = service.completeAttachment(centralOfficer, caseId, started.attachment.id);
    await begun;
    const second = await service.completeAttachment(centralOfficer, caseId, started.attachment.id);
    blobs.release();
    expect(second.status).toBe('available');
    expect(await first).toEqual(second);
  });
});

describe('a completed file’s download', () => {
  it('is a link without its name (it may name someone); the file comes under that name', async () => {
    clock.set(START);
    const { caseId } = await forwardedCase(service, ['polri']);
    const name = 'KTP_Budi_Santoso_3173012345678901';
    const started = await service.createAttachment(centralOfficer, caseId, {
      name,
      size: SMALL_PDF.byteLength,
    });
    await blobs.write(uploadKey(caseId, started.attachment.id), SMALL_PDF);
    await service.completeAttachment(centralOfficer, caseId, started.attachment.id);
    const { url } = await service.downloadAttachment(centralOfficer, caseId, started.attachment.id);
    const query = [...new URL(url).searchParams.values()];
    for (const shown of [url, ...query.map((v) => Buffer.from(v, 'base64url').toString())])
      expect(shown).not.toContain('Budi');
    const file = await blobs.handler(() => new Response(null, { status: 404 }))(new Request(url));
    expect(file.status).toBe(200);
    // The name as downloadName makes it: with the extension of the type found.
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename*=UTF-8''${name}.pdf`,
    );
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(SMALL_PDF);
  });
});

describe('a download the malware scan has not cleared', () => {
  /** A store as GuardDuty's tags make it (the embedded one counts every file clean). */
  class ScannedBlobs extends FileBlobStore {
    verdict: ScanStatus = 'pending';
    override async scanStatus(): Promise<ScanStatus> {
      return this.verdict;
    }
  }

  it('says the scan is still running (try again), then that the file is refused for good', async () => {
    clock.set(START);
    const scanned = new ScannedBlobs(mkdtempSync(join(tmpdir(), 'pantau-scan-')), clock.now);
    const guarded = new Service({
      store,
      clock: clock.now,
      blobs: scanned,
      inspect: inspectUpload,
    });
    const { caseId } = await forwardedCase(guarded, ['polri']);
    const started = await guarded.createAttachment(centralOfficer, caseId, {
      name: 'surat.pdf',
      size: SMALL_PDF.byteLength,
    });
    const { id } = started.attachment;
    await scanned.write(uploadKey(caseId, id), SMALL_PDF);
    await guarded.completeAttachment(centralOfficer, caseId, id);
    const download = () => guarded.downloadAttachment(centralOfficer, caseId, id);

    // Not "not possible in this state": the case is fine, the scan is not done.
    await expect(download()).rejects.toMatchObject({ code: 'scan_pending' });
    // The scan did not run at all: the service's trouble, not the file's (no "clean copy").
    scanned.verdict = 'failed';
    await expect(download()).rejects.toMatchObject({ code: 'service_unavailable' });
    scanned.verdict = 'clean';
    await expect(download()).resolves.toHaveProperty('url');
  });

  it('refuses a file the scan did not clear for good: listed as refused by the scan, never offered again', async () => {
    clock.set(START);
    const scanned = new ScannedBlobs(mkdtempSync(join(tmpdir(), 'pantau-scan-')), clock.now);
    const guarded = new Service({
      store,
      clock: clock.now,
      blobs: scanned,
      inspect: inspectUpload,
    });
    const { caseId } = await forwardedCase(guarded, ['polri']);
    for (const verdict of ['infected', 'unscannable'] as const) {
      const started = await guarded.createAttachment(centralOfficer, caseId, {
        name: `surat-${verdict}.pdf`,
        size: SMALL_PDF.byteLength,
      });
      const { id } = started.attachment;
      await scanned.write(uploadKey(caseId, id), SMALL_PDF);
      await guarded.completeAttachment(centralOfficer, caseId, id);
      scanned.verdict = verdict;
      await expect(guarded.downloadAttachment(centralOfficer, caseId, id)).rejects.toMatchObject({
        code: 'scan_refused',
      });
      // The list said "available" after a reload, and the console offered it again.
      const listed = (await guarded.listAttachments(centralOfficer, caseId)).items.find(
        (a) => a.id === id,
      );
      expect(listed).toMatchObject({ status: 'refused', scan: verdict });
      // Asked again (another reader, a link kept): still refused, as the scan's, not the state's.
      await expect(guarded.downloadAttachment(centralOfficer, caseId, id)).rejects.toMatchObject({
        code: 'scan_refused',
      });
    }
  });
});

describe('two abandoned uploads completed at once', () => {
  it('take one free place between them, not two: the case holds at most 30', async () => {
    clock.set(START);
    const { caseId } = await forwardedCase(service, ['polri']);
    const start = async (name: string) => {
      const { attachment } = await service.createAttachment(centralOfficer, caseId, {
        name,
        size: SMALL_PDF.byteLength,
      });
      await blobs.write(uploadKey(caseId, attachment.id), SMALL_PDF);
      return attachment.id;
    };
    const late = [await start('terlambat-1.pdf'), await start('terlambat-2.pdf')];
    // Two hours on, both are abandoned (they count no more) and 29 new uploads are started.
    clock.set('2026-08-03T05:00:00.000Z');
    for (let i = 0; i < 29; i += 1) await start(`baru-${i}.pdf`);
    // The first has found room and is keeping its bytes when the second completes.
    const begun = blobs.holdNext('write');
    const first = service.completeAttachment(centralOfficer, caseId, late[0]!).then(
      (view) => view.status,
      (error: unknown) => (error instanceof DomainError ? error.code : error),
    );
    await begun;
    const second = await service.completeAttachment(centralOfficer, caseId, late[1]!);
    blobs.release();
    expect(second.status).toBe('available');
    expect(await first).toBe('limit_exceeded');
    const listed = await service.listAttachments(centralOfficer, caseId);
    expect(listed.items).toHaveLength(30);
  });
});

describe('the room a case has for files', () => {
  it('is counted on a consistent read of its files (an eventual one may miss the one just added)', async () => {
    clock.set(START);
    const { caseId } = await forwardedCase(service, ['polri']);
    // DynamoDB Local reads consistently whatever is asked: what is asked is what counts on AWS.
    const asked: boolean[] = [];
    store.client.middlewareStack.add(
      (next) => (args) => {
        const input = args.input as {
          ConsistentRead?: boolean;
          ExpressionAttributeValues?: Record<string, unknown>;
        };
        if (input.ExpressionAttributeValues?.[':prefix'] === 'FILE#')
          asked.push(input.ConsistentRead === true);
        return next(args);
      },
      { step: 'initialize', name: 'fileReads' },
    );
    try {
      await service.createAttachment(centralOfficer, caseId, { name: 'a.pdf', size: 10 });
    } finally {
      store.client.middlewareStack.remove('fileReads');
    }
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every(Boolean)).toBe(true);
  });
});

describe('files given up on a case (refused, abandoned)', () => {
  it('are bounded: the oldest make room, and the case keeps at most 60 records', async () => {
    clock.set(START);
    const { caseId } = await forwardedCase(service, ['polri']);
    const notAFile = new TextEncoder().encode('MZ this is no document');
    const refused: string[] = [];
    // A client that keeps sending a file of the wrong type: each try is refused (415).
    for (let i = 0; i < 64; i += 1) {
      clock.set(new Date(Date.parse(START) + i * 1_000).toISOString());
      const { attachment } = await service.createAttachment(centralOfficer, caseId, {
        name: `coba-${i}.pdf`,
        size: notAFile.byteLength,
      });
      await blobs.write(uploadKey(caseId, attachment.id), notAFile);
      await expect(
        service.completeAttachment(centralOfficer, caseId, attachment.id),
      ).rejects.toMatchObject({ code: 'unsupported_media_type' });
      refused.push(attachment.id);
    }
    const kept = await store.listAttachments(caseId);
    expect(kept).toHaveLength(60);
    // The newest refusals stay listed (the person who tried sees why); the oldest went.
    expect(kept.map((a) => a.id).sort()).toEqual(refused.slice(-60).sort());
    // And a real file still finds its place.
    const real = await service.createAttachment(centralOfficer, caseId, {
      name: 'surat.pdf',
      size: SMALL_PDF.byteLength,
    });
    await blobs.write(uploadKey(caseId, real.attachment.id), SMALL_PDF);
    expect(
      (await service.completeAttachment(centralOfficer, caseId, real.attachment.id)).status,
    ).toBe('available');
    expect(await store.listAttachments(caseId)).toHaveLength(60);
  }, 60_000);
});

describe('a case stored with many files given up before they were bounded', () => {
  it('still takes an upload, and sheds the oldest a few at a time', async () => {
    clock.set(START);
    const { caseId } = await forwardedCase(service, ['polri']);
    // 200 refusals kept from before the bound (no start could have removed them then).
    for (let i = 0; i < 200; i += 1) {
      const at = new Date(Date.parse(START) - (200 - i) * 60_000);
      const record = newAttachment({
        id: ulid(at.getTime()),
        caseId,
        body: { name: `lama-${i}.pdf`, size: 10 },
        attachedTo: { kind: 'case', agencyId: null, activityId: null },
        visibility: 'central',
        uploadedBy: { sub: 'officer-1', agency: 'setneg' },
        now: at,
      });
      await store.putAttachment({
        record: { ...record, status: 'refused', refusal: 'not a PDF' },
        expectedVersion: null,
      });
    }
    const started = await service.createAttachment(centralOfficer, caseId, {
      name: 'baru.pdf',
      size: SMALL_PDF.byteLength,
    });
    expect(started.attachment.status).toBe('uploading');
    const after = await store.listAttachments(caseId);
    // One transaction holds at most 100 writes: a start removes a few, not all 141 at once.
    expect(after.length).toBeLessThan(201);
    expect(after.length).toBeGreaterThan(60);
  });
});

describe('an activity report’s file for the agencies', () => {
  it('is read by the agencies the activity was held with, not by the case’s others', async () => {
    clock.set(START);
    await addAgencies(service, [{ id: 'pln' }, { id: 'polda-metro', focalPointId: 'polri' }]);
    const { caseId } = await forwardedCase(service, ['polri', 'pln']);
    const clarification = await service.planActivity(centralOfficer, caseId, {
      kind: 'clarification',
      agencyIds: ['polri'],
    });
    const started = await service.createAttachment(centralOfficer, caseId, {
      name: 'BA-klarifikasi.pdf',
      size: SMALL_PDF.byteLength,
      attachedTo: { kind: 'activity', activityId: clarification.id },
      visibility: 'agencies',
    });
    const { id } = started.attachment;
    await blobs.write(uploadKey(caseId, id), SMALL_PDF);
    await service.completeAttachment(centralOfficer, caseId, id);
    const listed = async (p: Principal) =>
      (await service.listAttachments(p, caseId)).items.map((a) => a.id);

    // PLN's case view leaves the clarification out: its report's file too, listed or fetched.
    const pln = officerOf('pln');
    expect((await service.getCase(pln, caseId)).activities).toEqual([]);
    expect(await listed(pln)).not.toContain(id);
    await expect(service.downloadAttachment(pln, caseId, id)).rejects.toMatchObject({
      code: 'not_found',
    });
    for (const reader of [officerOf('polri'), centralOfficer]) {
      expect(await listed(reader)).toContain(id);
      await expect(service.downloadAttachment(reader, caseId, id)).resolves.toHaveProperty('url');
    }
    // The member unit answering for Polri (its assignment delegated) reads what Polri does.
    const coordinator = officerOf('polri', 'agency_coordinator');
    await service.delegate(coordinator, caseId, 'polri', { memberId: 'polda-metro' });
    const member = officerOf('polda-metro');
    expect((await service.getCase(member, caseId)).activities).toHaveLength(1);
    expect(await listed(member)).toContain(id);
  });
});
