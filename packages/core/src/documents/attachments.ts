/**
 * Attachments of a case: who may add, read and re-classify them, their default visibility,
 * the limits, and what the bytes must be. The bytes themselves live in a blob store (S3 on
 * AWS, the data dir embedded); the record lives in the case's item collection.
 */
import { type ActivityRecord, activityHeldWith } from '../activity.ts';
import { DomainError, invalidInput, limitExceeded } from '../errors.ts';
import { cutText } from '../text.ts';
import type { AttachmentView, CreateAttachmentInput } from '../schemas/documents.ts';
import {
  ATTACHMENT_TYPES,
  type AttachmentVisibility,
  MAX_ATTACHMENTS_PER_CASE,
  MAX_FILE_NAME,
  type RefusedScan,
} from './attachment-vocabulary.ts';

export interface AttachmentRecord {
  readonly id: string;
  readonly caseId: string;
  /** Where the bytes are in the blob store. */
  readonly key: string;
  readonly name: string;
  readonly declaredSize: number;
  readonly size: number | null;
  readonly contentType: string | null;
  readonly sha256: string | null;
  readonly status: AttachmentView['status'];
  readonly refusal: string | null;
  /** The malware scan's verdict on a file it refused (found when the file was first asked for). */
  readonly scan?: RefusedScan;
  readonly visibility: AttachmentVisibility;
  readonly attachedTo: AttachmentView['attachedTo'];
  readonly uploadedBy: { readonly sub: string; readonly agency: string };
  readonly createdAt: string;
  readonly completedAt: string | null;
  readonly updatedAt: string;
  readonly version: number;
}

/** Who reads a case: central, or an agency with the assignments it may read. */
export type CaseReader =
  | { central: true }
  | {
      central: false;
      agencies: ReadonlySet<string>;
      /** Its part in the case ended without its doing the work (`partEndedAt`). */
      readonly endedAt?: string | null | undefined;
    };

/**
 * The visibility an attachment gets when none is asked for: an intake scan of a case whose
 * complainant's identity is hidden shows who complained, so it stays with central; an
 * activity report is central's; anything else goes to the agencies the case is forwarded to.
 */
export function defaultVisibility(
  attachedTo: AttachmentView['attachedTo']['kind'],
  identityHidden: boolean,
): AttachmentVisibility {
  if (attachedTo === 'activity') return 'central';
  if (attachedTo === 'case' && identityHidden) return 'central';
  return 'agencies';
}

/**
 * The type of a case's original e-mail (`surel-asli.eml`, kept by intake): it names the sender
 * even when the case hides the identity, so it is central's for good, whatever its record's
 * visibility says. No upload has it (uploads take PDF, JPEG, PNG and DOCX only).
 */
export const ORIGINAL_MAIL_TYPE = 'message/rfc822';

export const isOriginalMail = (a: Pick<AttachmentRecord, 'contentType'>): boolean =>
  a.contentType === ORIGINAL_MAIL_TYPE;

/**
 * Whether a reader may see an attachment (list it, download it). Central sees all. An agency
 * sees its own responses' attachments, the case's when they are for the agencies, and an
 * activity's when they are for the agencies and it reads the activity itself (`activityHeldWith`,
 * as the case's view decides: a clarification with Polri is not PLN's to read, nor its report's
 * files); never another agency's responses' (as it never sees their answers), nor anything
 * still uploading or refused that it did not upload. An agency whose part in the case ended
 * without its doing the work (`endedAt`) keeps its own responses' files only: the case's and
 * the activities' (an intake scan names who complained) are no longer its to read. A case's
 * original e-mail (`isOriginalMail`) is central's only. `activities` are the case's.
 */
export function canRead(
  a: AttachmentRecord,
  reader: CaseReader,
  activities: readonly Pick<ActivityRecord, 'id' | 'agencyIds'>[],
): boolean {
  if (reader.central) return true;
  const own = a.attachedTo.agencyId !== null && reader.agencies.has(a.attachedTo.agencyId);
  if (a.status !== 'available') return own && reader.agencies.has(a.uploadedBy.agency);
  // The original e-mail never, even if its record was once made visible to them.
  if (a.visibility !== 'agencies' || isOriginalMail(a)) return false;
  if (a.attachedTo.kind === 'response') return own;
  if (reader.endedAt) return false;
  if (a.attachedTo.kind === 'activity') {
    const activity = activities.find((x) => x.id === a.attachedTo.activityId);
    return activity !== undefined && activityHeldWith(activity, reader.agencies);
  }
  return true;
}

/** How long a presigned upload form stays good. */
export const UPLOAD_TTL_SECONDS = 15 * 60;

/**
 * An upload never completed an hour after its form expired (a closed tab, a dropped
 * connection, a request sent again after its answer was lost): no bytes are coming. It takes
 * no place among the case's attachments and is not listed; its bytes, if they ever came,
 * still complete it.
 */
export const abandoned = (a: AttachmentRecord, now: Date): boolean =>
  a.status === 'uploading' &&
  now.getTime() - Date.parse(a.createdAt) > (UPLOAD_TTL_SECONDS + 3_600) * 1_000;

/** The attachments that count against the per-case limit (neither refused nor abandoned). */
export const countsAgainstLimit = (a: AttachmentRecord, now: Date): boolean =>
  a.status !== 'refused' && !abandoned(a, now);

export function assertRoomFor(existing: readonly AttachmentRecord[], now: Date): void {
  if (existing.filter((a) => countsAgainstLimit(a, now)).length >= MAX_ATTACHMENTS_PER_CASE)
    throw limitExceeded(
      `a case holds at most ${MAX_ATTACHMENTS_PER_CASE} attachments`,
      'attachments',
    );
}

/**
 * The records a case keeps at most: its 30 files, and as many given up (refused, abandoned).
 * A client that keeps sending a file of the wrong type would otherwise grow the case's
 * collection, and every read of its files, without end.
 */
export const MAX_ATTACHMENT_RECORDS = 2 * MAX_ATTACHMENTS_PER_CASE;

/** Records given up one start removes at most (its transaction holds at most 100 writes). */
const REMOVED_PER_START = 10;

/**
 * The records given up, oldest first, that a new one makes way for (removed in its write), so
 * the case keeps at most `MAX_ATTACHMENT_RECORDS`: the newest refusals stay listed, with why.
 * A case holding more (stored before the bound) sheds `REMOVED_PER_START` a start.
 */
export function givenUpToRemove(
  existing: readonly AttachmentRecord[],
  now: Date,
): AttachmentRecord[] {
  const excess = existing.length + 1 - MAX_ATTACHMENT_RECORDS;
  if (excess <= 0) return [];
  return existing
    .filter((a) => !countsAgainstLimit(a, now))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    .slice(0, Math.min(excess, REMOVED_PER_START));
}

/**
 * Where a file that came with the complaint (the public form's, an e-mail's) is kept: written
 * once, checked, under `cases/` like every file that is served.
 */
export const attachmentKey = (caseId: string, id: string): string => `cases/${caseId}/${id}`;

/**
 * Where an upload's form writes: under `uploads/`, apart from what is served. Nothing there is
 * served or scanned (GuardDuty scans `cases/` only: each file once, as its checked copy), and
 * the bucket's lifecycle removes what a form wrote and nobody completed. Records of uploads
 * started before session 27 keep their `cases/<caseId>/<id>` key, which completes as before.
 */
export const uploadKey = (caseId: string, id: string): string => `uploads/${caseId}/${id}`;

/**
 * Where a completed upload's bytes are kept: under `cases/`, where no form reaches (a form may
 * still write to its upload key), named by their SHA-256.
 */
export const checkedKey = (caseId: string, id: string, sha256: string): string =>
  `${attachmentKey(caseId, id)}.${sha256}`;

/**
 * The case a blob key belongs to (`cases/<caseId>/<id>`, or its checked copy's), or undefined
 * for any other key: a scanner's verdict names an object, and the object its case.
 */
export const caseOfKey = (key: string): string | undefined =>
  /^cases\/([A-Za-z0-9]{1,64})\/[A-Za-z0-9]{1,64}(\.[0-9a-f]{64})?$/.exec(key)?.[1];

/**
 * A file that came with the complaint itself (the public form's, an e-mail's), already
 * stored and inspected: available from the start, recorded in the case's own transaction.
 */
export function receivedAttachment(input: {
  id: string;
  caseId: string;
  name: string;
  contentType: string;
  sniffed: Sniffed;
  visibility: AttachmentVisibility;
  uploadedBy: { sub: string; agency: string };
  now: Date;
}): AttachmentRecord {
  const record = newAttachment({
    ...input,
    body: { name: input.name, size: input.sniffed.size },
    attachedTo: { kind: 'case', agencyId: null, activityId: null },
  });
  return {
    ...record,
    key: attachmentKey(input.caseId, input.id),
    size: input.sniffed.size,
    contentType: input.contentType,
    sha256: input.sniffed.sha256,
    status: 'available',
    completedAt: record.createdAt,
  };
}

export function newAttachment(input: {
  id: string;
  caseId: string;
  body: CreateAttachmentInput;
  attachedTo: AttachmentView['attachedTo'];
  visibility: AttachmentVisibility;
  uploadedBy: { sub: string; agency: string };
  now: Date;
}): AttachmentRecord {
  const at = input.now.toISOString();
  return {
    id: input.id,
    caseId: input.caseId,
    key: uploadKey(input.caseId, input.id),
    name: input.body.name,
    declaredSize: input.body.size,
    size: null,
    contentType: null,
    sha256: null,
    status: 'uploading',
    refusal: null,
    visibility: input.visibility,
    attachedTo: input.attachedTo,
    uploadedBy: input.uploadedBy,
    createdAt: at,
    completedAt: null,
    updatedAt: at,
    version: 1,
  };
}

/** What sniffing the bytes found: a MIME type, or undefined when nothing known matched. */
export interface Sniffed {
  readonly mime: string | undefined;
  readonly size: number;
  readonly sha256: string;
}

/**
 * The upload, checked: an allowed type detected from the bytes makes it available; anything
 * else refuses it (the error says why, and the caller deletes the bytes).
 */
export function completeAttachment(
  a: AttachmentRecord,
  sniffed: Sniffed,
  now: Date,
): { record: AttachmentRecord; refusal: DomainError | null } {
  if (a.status !== 'uploading')
    throw new DomainError('invalid_transition', `the attachment is already ${a.status}`);
  const at = now.toISOString();
  const allowed = sniffed.mime !== undefined && sniffed.mime in ATTACHMENT_TYPES;
  const record: AttachmentRecord = {
    ...a,
    status: allowed ? 'available' : 'refused',
    refusal: allowed
      ? null
      : `${a.name}: the content is ${sniffed.mime ?? 'of an unknown type'}; only PDF, JPEG, PNG and DOCX files are accepted (detected from the content, not the name)`,
    contentType: sniffed.mime ?? null,
    size: sniffed.size,
    sha256: sniffed.sha256,
    completedAt: at,
    updatedAt: at,
    version: a.version + 1,
  };
  return { record, refusal: allowed ? null : typeRefusal(record) };
}

/**
 * The refusal a refused upload was answered with, again: a completion sent after it (its
 * answer lost on the way) is told the same, never 200 as if the file had been kept.
 */
export const typeRefusal = (a: Pick<AttachmentRecord, 'name' | 'refusal'>): DomainError =>
  new DomainError(
    'unsupported_media_type',
    a.refusal ?? `${a.name}: only PDF, JPEG, PNG and DOCX files are accepted`,
    { errors: [{ path: 'file', message: 'only PDF, JPEG, PNG and DOCX' }] },
  );

export const withVisibility = (
  a: AttachmentRecord,
  visibility: AttachmentVisibility,
  now: Date,
): AttachmentRecord => ({
  ...a,
  visibility,
  updatedAt: now.toISOString(),
  version: a.version + 1,
});

export const viewAttachment = (a: AttachmentRecord): AttachmentView => ({
  id: a.id,
  caseId: a.caseId,
  name: a.name,
  contentType: a.contentType,
  size: a.size,
  sha256: a.sha256,
  status: a.status,
  refusal: a.refusal,
  scan: a.scan ?? null,
  visibility: a.visibility,
  attachedTo: { ...a.attachedTo },
  uploadedBy: { ...a.uploadedBy },
  uploadedAt: a.createdAt,
  completedAt: a.completedAt,
  version: a.version,
});

/** A download's file name for Content-Disposition: the stored name, with a matching extension. */
export function downloadName(a: Pick<AttachmentRecord, 'name' | 'contentType'>): string {
  const ext = a.contentType
    ? ATTACHMENT_TYPES[a.contentType as keyof typeof ATTACHMENT_TYPES]
    : undefined;
  if (!ext || a.name.toLowerCase().endsWith(`.${ext}`)) return a.name;
  return `${a.name}.${ext}`;
}

/**
 * The Content-Disposition a file is served with: a download under `fileName`, in RFC 8187's
 * encoding (UTF-8, percent-encoded beyond its attr-chars), so any name is one ASCII header.
 * Made well-formed first: half a surrogate pair has no UTF-8 (encodeURIComponent throws on
 * it), and a name stored before mail names were made well-formed must still download.
 */
export function attachmentDisposition(fileName: string): string {
  const encoded = encodeURIComponent(fileName.toWellFormed()).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename*=UTF-8''${encoded}`;
}

export const unknownAttachedTo = (path: string, what: string) =>
  invalidInput(path, `unknown ${what}`);

/**
 * A file name as the upload schema would take it, from whatever a mail client sent: slashes and
 * control characters replaced, half a surrogate pair (a name a client cut mid-emoji, or broken
 * UTF-16) made U+FFFD, at most 200 characters (UTF-16 units, never splitting a character), the
 * middle cut with "…" so that the extension stays. Nothing usable: `fallback`.
 * Names are listed in letters and on every case page, so none may grow without bound.
 */
export function fileNameFrom(raw: string, fallback: string): string {
  const clean = raw
    .toWellFormed()
    .replace(/[/\\\u0000-\u001f]/g, '_')
    .trim();
  if (clean.replace(/_/g, '') === '') return fallback;
  if (clean.length <= MAX_FILE_NAME) return clean;
  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  const head = cutText(
    clean.slice(0, clean.length - extension.length),
    MAX_FILE_NAME - 1 - extension.length,
  );
  return `${head.trimEnd()}…${extension}`;
}

/**
 * A file the malware scan refused (GuardDuty's tag read at its first download): refused for
 * good, listed so, its place on the case freed for a clean copy.
 */
export const refusedByScan = (
  a: AttachmentRecord,
  scan: RefusedScan,
  now: Date,
): AttachmentRecord => ({
  ...a,
  status: 'refused',
  refusal: `the malware scan did not mark this file clean (${scan}): it is never served`,
  scan,
  updatedAt: now.toISOString(),
  version: a.version + 1,
});
