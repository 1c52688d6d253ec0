/** The attachments tests' set-up on DynamoDB Local: a service with files, and an upload made. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type BlobStore,
  type CreateAttachmentInput,
  type Principal,
  Service,
  uploadKey,
} from '@pantau/core';
import { inspectUpload } from '@pantau/documents/sniff';
import { SMALL_PDF } from './documents.ts';
import { addAgencies, freshStore } from './dynamodb.ts';

/**
 * A service over a fresh store whose files `blobsIn` keeps (the embedded file store, or a test's
 * subclass of it, built on a new temporary directory), with Polri as its one agency.
 */
export async function serviceWithFiles<B extends BlobStore>(
  clock: { now: () => Date },
  blobsIn: (dir: string) => B,
) {
  const store = await freshStore();
  const blobs = blobsIn(mkdtempSync(join(tmpdir(), 'pantau-files-')));
  const service = new Service({ store, clock: clock.now, blobs, inspect: inspectUpload });
  await addAgencies(service, [{ id: 'polri' }]);
  return { store, blobs, service };
}

/** An upload as the console makes it: started, its bytes posted to its form's key, completed. */
export async function uploaded(
  service: Service,
  blobs: BlobStore,
  p: Principal,
  caseId: string,
  body: Omit<CreateAttachmentInput, 'size'>,
): Promise<string> {
  const { attachment } = await service.createAttachment(p, caseId, {
    ...body,
    size: SMALL_PDF.byteLength,
  });
  await blobs.write(uploadKey(caseId, attachment.id), SMALL_PDF, 'application/pdf', body.name);
  await service.completeAttachment(p, caseId, attachment.id);
  return attachment.id;
}
