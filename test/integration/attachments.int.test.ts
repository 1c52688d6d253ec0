/**
 * Completing an upload on DynamoDB Local, in the interleavings that HTTP timing only
 * sometimes produces: a retry sent while the first completion is on its way.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attachmentKey, Service } from '@pantau/core';
import { inspectUpload } from '@pantau/documents/sniff';
import { FileBlobStore } from '../../packages/local/src/blob-store.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { SMALL_PDF } from '../support/documents.ts';
import {
  addAgencies,
  centralOfficer,
  forwardedCase,
  freshStore,
  manualClock,
} from '../support/dynamodb.ts';

const clock = manualClock('2026-08-03T03:00:00.000Z');

/** A blob store whose next read waits, once it has begun, until `release` is called. */
class HeldReads extends FileBlobStore {
  #held: Promise<void> | undefined;
  #begun = () => {};
  release = () => {};
  /** Resolves when the held read has begun. */
  holdNextRead(): Promise<void> {
    this.#held = new Promise((resolve) => (this.release = resolve));
    return new Promise((resolve) => (this.#begun = resolve));
  }
  override async read(key: string): Promise<Uint8Array | undefined> {
    const held = this.#held;
    this.#held = undefined;
    if (held) {
      this.#begun();
      await held;
    }
    return super.read(key);
  }
}

let blobs: HeldReads;
let service: Service;

beforeAll(async () => {
  const store = await freshStore();
  blobs = new HeldReads(mkdtempSync(join(tmpdir(), 'pantau-complete-')), clock.now);
  service = new Service({ store, clock: clock.now, blobs, inspect: inspectUpload });
  await addAgencies(service, [{ id: 'polri' }]);
});

describe('a completion sent twice at once', () => {
  it('answers the attachment to the one that read the upload after the other had kept it', async () => {
    const { caseId } = await forwardedCase(service, ['polri']);
    const started = await service.createAttachment(centralOfficer, caseId, {
      name: 'surat.pdf',
      size: SMALL_PDF.byteLength,
    });
    await blobs.write(attachmentKey(caseId, started.attachment.id), SMALL_PDF);
    // The first reads the record, then waits at the upload's bytes; the second finishes.
    const begun = blobs.holdNextRead();
    const first = service.completeAttachment(centralOfficer, caseId, started.attachment.id);
    await begun;
    const second = await service.completeAttachment(centralOfficer, caseId, started.attachment.id);
    blobs.release();
    expect(second.status).toBe('available');
    expect(await first).toEqual(second);
  });
});
