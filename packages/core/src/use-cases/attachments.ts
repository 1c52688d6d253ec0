/**
 * Attachments (issue 15): add (a record and a presigned upload form), list, complete (type
 * sniffed from the bytes), download (a short-lived link), re-classify. Tenancy is the case's:
 * every read goes through `readableCase` first, so another tenant's case or attachment is
 * "not found".
 */
import { newUlid } from '../ids.ts';
import { lostAgendaRace } from '../documents/agenda.ts';
import {
  abandoned,
  type AttachmentRecord,
  assertRoomFor,
  canRead,
  caseOfKey,
  checkedKey,
  completeAttachment as complete,
  defaultVisibility,
  downloadName,
  givenUpToRemove,
  isOriginalMail,
  newAttachment,
  refusedByScan,
  typeRefusal,
  UPLOAD_TTL_SECONDS,
  viewAttachment,
  withVisibility,
} from '../documents/attachments.ts';
import type { BlobStore } from '../documents/ports.ts';
import { isOpen } from '../assignment.ts';
import { DomainError, invalidInput, invalidTransition, notFound } from '../errors.ts';
import { type Page, WriteConflict } from '../ports.ts';
import type { AttachmentView, CreateAttachmentInput } from '../schemas/documents.ts';
import {
  type AttachmentVisibility,
  MAX_ATTACHMENT_BYTES,
  isRefusedScan,
  type RefusedScan,
  type ScanStatus,
} from '../documents/attachment-vocabulary.ts';
import { isCentral, type Principal } from '../tenancy.ts';
import {
  actableAssignment,
  CENTRAL_ROLES,
  event,
  type Idempotency,
  idempotent,
  put,
  readableCase,
  requireRole,
  retryOnConflict,
  type ServiceDeps,
  touchCase,
} from './kernel/index.ts';

/** How long a download link stays good. */
export const DOWNLOAD_TTL_SECONDS = 5 * 60;

/**
 * Starts an upload: the record (uploading) and a presigned form limited to 20 MB. Central
 * attaches to the case and to activity reports; an agency to its own responses. A case
 * holds at most 30 (the case is rewritten under its version, so two uploads racing for
 * the last place cannot both win).
 */
export async function createAttachment(
  deps: ServiceDeps,
  p: Principal,
  caseId: string,
  input: CreateAttachmentInput,
  idem?: Idempotency,
) {
  const target = input.attachedTo ?? { kind: 'case' as const };
  // Agencies attach documents to their responses only.
  if (target.kind !== 'response') requireRole(p, CENTRAL_ROLES);
  // An agency's file for central only would be hidden from the agency itself once complete
  // (its retried completion a 404): refused, not quietly made `agencies`, so a client is never
  // told a file is kept from others when it is not. Only central shares or withholds a file.
  if (!isCentral(p) && input.visibility === 'central')
    throw invalidInput('visibility', 'only central keeps a file from the agencies');
  const { blobs } = documentStorage(deps);
  const { bundle } = await readableCase(deps, p, caseId);
  let attachedTo: AttachmentView['attachedTo'];
  if (target.kind === 'response') {
    // The caller must be able to act on that assignment (404 when it cannot see it).
    if (!isCentral(p)) {
      const { assignment } = await actableAssignment(deps, p, caseId, target.agencyId);
      // Files go with an answer still to be given: an ended assignment (answered in full,
      // withdrawn, handed back) takes none, nor a place among the case's 30.
      if (!isOpen(assignment))
        throw invalidTransition(`an assignment that is ${assignment.state} takes no more files`);
    } else if (!bundle.assignments.some((a) => a.agencyId === target.agencyId))
      throw invalidInput('attachedTo.agencyId', 'no assignment of this agency on the case');
    attachedTo = { kind: 'response', agencyId: target.agencyId, activityId: null };
  } else {
    if (target.kind === 'activity' && !bundle.activities.some((a) => a.id === target.activityId))
      throw invalidInput('attachedTo.activityId', 'no such activity on the case');
    attachedTo = {
      kind: target.kind,
      agencyId: null,
      activityId: target.kind === 'activity' ? target.activityId : null,
    };
  }
  // Uploads to one case serialize on its version: many at once (a batch of scans) retry with
  // a random pause, as registrations do for an agenda number.
  // Under an Idempotency-Key, a start sent again (its answer lost) is the same attachment with
  // a fresh form, not a second place among the case's 30.
  let created: AttachmentRecord | undefined;
  let removed: AttachmentRecord[] = [];
  const started = await idempotent(deps, p.agency, idem, (remember) =>
    retryContended(async () => {
      const { bundle: fresh } = await readableCase(deps, p, caseId);
      const now = deps.clock();
      const existing = await deps.store.listAttachments(caseId);
      assertRoomFor(existing, now);
      removed = givenUpToRemove(existing, now);
      const record = newAttachment({
        id: newUlid(now.getTime()),
        caseId,
        body: input,
        attachedTo,
        visibility:
          input.visibility ?? defaultVisibility(attachedTo.kind, fresh.case.identityHidden),
        uploadedBy: { sub: p.sub, agency: p.agency },
        now,
      });
      const body = viewAttachment(record);
      await deps.store.commit({
        case: put(fresh.case, touchCase(fresh.case, now)),
        attachments: [{ record, expectedVersion: null }],
        attachmentsRemoved: removed,
        idempotency: remember(body),
      });
      created = record;
      return body;
    }),
  );
  // The bytes of an upload given up with its record, if any ever came (a refusal's went then).
  for (const gone of removed) await blobs.delete(gone.key).catch(() => undefined);
  created ??= await readableAttachment(deps, p, caseId, started.id);
  // Its bytes came since: a second form could replace the file that was checked.
  if (created.status !== 'uploading')
    throw invalidTransition(`attachment ${created.id} is ${created.status}: its upload is done`);
  const upload = await blobs.presignUpload({
    key: created.key,
    maxBytes: MAX_ATTACHMENT_BYTES,
    expiresInSeconds: UPLOAD_TTL_SECONDS,
  });
  return {
    attachment: viewAttachment(created),
    upload: { ...upload, maxBytes: MAX_ATTACHMENT_BYTES },
  };
}

/** The attachments the caller may see, oldest first. */
export async function listAttachments(
  deps: ServiceDeps,
  p: Principal,
  caseId: string,
): Promise<Page<AttachmentView>> {
  const { reader, bundle } = await readableCase(deps, p, caseId);
  const all = await deps.store.listAttachments(caseId);
  const now = deps.clock();
  const shown = all.filter((a) => canRead(a, reader, bundle.activities) && !abandoned(a, now));
  return { items: shown.map(viewAttachment), nextCursor: null };
}

/**
 * The upload is done: its bytes are read back, their type detected (never from the name),
 * hashed and measured. A type outside PDF/JPEG/PNG/DOCX is refused (415) and its bytes
 * deleted; nothing uploaded yet is a 409, and so is an agency's upload to an assignment that
 * has ended since it began (as a start would be). Sent again once done, the same answer: the
 * file, or its refusal (never 200 for a file that was not kept).
 */
export async function completeAttachment(
  deps: ServiceDeps,
  p: Principal,
  caseId: string,
  id: string,
): Promise<AttachmentView> {
  const { blobs, inspect } = documentStorage(deps);
  // Sent twice at once (a retry while the first is on its way): the second, refused on the
  // record's version, reads it again and answers what the first made of it.
  return retryOnConflict(async () => {
    const { a, all, bundle } = await readableAttachmentOf(deps, p, caseId, id);
    if (!isCentral(p) && a.uploadedBy.agency !== p.agency)
      throw new DomainError('forbidden', 'only the uploader’s unit completes an upload');
    if (a.status !== 'uploading') return completed(a);
    // Files go with an answer still to be given: once the agency's assignment has ended, its
    // upload takes no place among the case's 30 (an abandoned one would take a freed place).
    const { agencyId } = a.attachedTo;
    if (!isCentral(p) && a.attachedTo.kind === 'response' && agencyId !== null) {
      const { assignment } = await actableAssignment(deps, p, caseId, agencyId);
      if (!isOpen(assignment))
        throw invalidTransition(`an assignment that is ${assignment.state} takes no more files`);
    }
    const bytes = await blobs.read(a.key);
    if (!bytes) {
      // A completion sent at the same time may have kept the bytes and removed the upload's
      // copy between the two reads: what it made is the answer.
      const since = await readableAttachment(deps, p, caseId, id);
      if (since.status !== 'uploading') return completed(since);
      throw new DomainError('invalid_transition', 'nothing was uploaded for this attachment yet');
    }
    const now = deps.clock();
    // Abandoned, its place may have been taken since: it completes only if there is room,
    // and under the case's version as a start is, so two completing at once cannot both
    // take the last place (the loser reads again and is refused).
    const late = abandoned(a, now);
    if (late)
      assertRoomFor(
        all.filter((x) => x.id !== a.id),
        now,
      );
    const { record, refusal } = complete(a, await inspect(bytes), now);
    if (refusal) {
      await deps.store.putAttachment({ record, expectedVersion: a.version });
      await blobs.delete(a.key);
      throw refusal;
    }
    // The bytes checked are kept where no upload form reaches (a form lives 15 minutes, and a
    // second POST to it would replace what was checked, hashed and scanned), under a key
    // named by their hash: a completion that loses the race below wrote its own bytes
    // beside, never over, the winner's.
    const kept = { ...record, key: checkedKey(a.caseId, a.id, record.sha256!) };
    await blobs.write(kept.key, bytes, kept.contentType!, downloadName(kept));
    const attachment = { record: kept, expectedVersion: a.version };
    if (late)
      await deps.store.commit({
        case: put(bundle.case, touchCase(bundle.case, now)),
        attachments: [attachment],
      });
    else await deps.store.putAttachment(attachment);
    // Done: the upload's own copy is no longer read, and failing to remove it fails nothing.
    await blobs.delete(a.key).catch(() => undefined);
    return viewAttachment(kept);
  });
}

/**
 * A download link of a few minutes, after the same tenancy checks as the case, and only
 * for a file the malware scan marked clean: while the scan runs, `scan_pending` (ask again in
 * a minute); once it found a threat or could not scan the file, `scan_refused` (for good).
 */
export async function downloadAttachment(
  deps: ServiceDeps,
  p: Principal,
  caseId: string,
  id: string,
) {
  const { blobs } = documentStorage(deps);
  const a = await readableAttachment(deps, p, caseId, id);
  if (a.scan) throw scanRefused(a.scan);
  if (a.status !== 'available' || !a.contentType)
    throw new DomainError('invalid_transition', `the attachment is ${a.status}, not available`);
  const scan = await blobs.scanStatus(a.key);
  // Not `invalid_transition`: nothing is wrong with the case, and a reader is told which of
  // the two it is (wait, or upload a clean copy).
  if (scan === 'pending')
    throw new DomainError(
      'scan_pending',
      'the malware scan has not finished yet: try again in a minute',
    );
  // The scan did not run (GuardDuty's FAILED or ACCESS_DENIED): no verdict on the file, so
  // not "upload a clean copy" but the service's trouble (503, logged in full for operators).
  if (scan === 'failed')
    throw new DomainError(
      'service_unavailable',
      'the malware scan could not run on this file (FAILED or ACCESS_DENIED): operators must look',
    );
  if (scan !== 'clean') {
    // Recorded, so the list says so (no reader is offered it again) and a clean copy has its
    // place; another write first (a visibility change) leaves it to the next download.
    await deps.store
      .putAttachment({ record: refusedByScan(a, scan, deps.clock()), expectedVersion: a.version })
      .catch((error: unknown) => {
        if (!(error instanceof WriteConflict)) throw error;
      });
    throw scanRefused(scan);
  }
  // The name and type are the object's own (written with its checked bytes): a link carries
  // neither, since a file's name may name someone and a URL is logged and kept in histories.
  return blobs.presignDownload({ key: a.key, expiresInSeconds: DOWNLOAD_TTL_SECONDS });
}

/**
 * What a scanner's verdict on one stored object did (`recordScanVerdict`): `refused` the file
 * it names was marked refused now; `unchanged` there was nothing to record (a clean or pending
 * verdict, a file already refused, the upload's own copy whose checked copy is scanned on its
 * own, an object no file names any longer, a key of no case).
 */
export type ScanVerdictOutcome = 'refused' | 'unchanged';

/**
 * The malware scan's verdict on a stored object as soon as it is given (on AWS, GuardDuty's
 * EventBridge event): a file it refused (`infected`, `unscannable`) is recorded refused at
 * once, as its first download would record it, so no list, count or letter offers it in the
 * meantime and a clean copy has its place. No principal: the scanner is no party to the case,
 * and the verdict is the one the download reads from the object's tag. Sent again (EventBridge
 * delivers at least once), it writes nothing.
 */
export async function recordScanVerdict(
  deps: ServiceDeps,
  input: { key: string; scan: ScanStatus },
): Promise<ScanVerdictOutcome> {
  const caseId = caseOfKey(input.key);
  const { scan } = input;
  if (!caseId || !isRefusedScan(scan)) return 'unchanged';
  return retryOnConflict(async () => {
    const a = (await deps.store.listAttachments(caseId)).find((x) => x.key === input.key);
    if (!a || a.status !== 'available' || a.scan) return 'unchanged';
    await deps.store.putAttachment({
      record: refusedByScan(a, scan, deps.clock()),
      expectedVersion: a.version,
    });
    return 'refused';
  });
}

/** A completion's answer for an upload already done: the file, or why it was refused. */
function completed(a: AttachmentRecord): AttachmentView {
  if (a.status !== 'refused') return viewAttachment(a);
  throw a.scan ? scanRefused(a.scan) : typeRefusal(a);
}

const scanRefused = (scan: RefusedScan) =>
  new DomainError(
    'scan_refused',
    `the malware scan did not mark this file clean (${scan}): it is never served; upload a clean copy`,
  );

/**
 * Central re-classifies an attachment: central only, or the agencies. Not a case's original
 * e-mail: it names the complainant even when the case hides the identity (409). The change is
 * on the timeline (`attachment_visibility_changed`, central's alone), written with the
 * attachment's new version: who shared a scan with the agencies, or took it back, and when. The
 * visibility it already has changes nothing and writes nothing.
 */
export async function updateAttachment(
  deps: ServiceDeps,
  p: Principal,
  caseId: string,
  id: string,
  visibility: AttachmentVisibility,
): Promise<AttachmentView> {
  requireRole(p, CENTRAL_ROLES);
  return retryOnConflict(async () => {
    const a = await readableAttachment(deps, p, caseId, id);
    if (isOriginalMail(a) && visibility !== 'central')
      throw invalidTransition(
        'the original e-mail stays with central: it names the complainant, even when the case hides the identity',
      );
    if (a.visibility === visibility) return viewAttachment(a);
    const now = deps.clock();
    const next = withVisibility(a, visibility, now);
    await deps.store.commit({
      attachments: [{ record: next, expectedVersion: a.version }],
      events: [
        event(caseId, now, 'attachment_visibility_changed', p, null, {
          attachmentId: a.id,
          name: a.name,
          from: a.visibility,
          to: visibility,
        }),
      ],
    });
    return viewAttachment(next);
  });
}

async function readableAttachment(
  deps: ServiceDeps,
  p: Principal,
  caseId: string,
  id: string,
): Promise<AttachmentRecord> {
  return (await readableAttachmentOf(deps, p, caseId, id)).a;
}

/** The attachment, with its case as read before it and all the case's attachments. */
async function readableAttachmentOf(deps: ServiceDeps, p: Principal, caseId: string, id: string) {
  const { reader, bundle } = await readableCase(deps, p, caseId);
  const all = await deps.store.listAttachments(caseId);
  const a = all.find((x) => x.id === id);
  if (!a || !canRead(a, reader, bundle.activities)) throw notFound(`attachment ${id}`);
  return { a, all, bundle };
}

/** The blob store and the inspector, or a 503 when the runtime gave none. */
export function documentStorage(deps: ServiceDeps): {
  blobs: BlobStore;
  inspect: NonNullable<ServiceDeps['inspect']>;
} {
  if (!deps.blobs || !deps.inspect)
    throw new DomainError('service_unavailable', 'no file storage is configured');
  return { blobs: deps.blobs, inspect: deps.inspect };
}

async function retryContended<T>(attempt: () => Promise<T>): Promise<T> {
  for (let i = 1; ; i += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!(await lostAgendaRace(error, i))) throw error;
    }
  }
}
