/**
 * The channels complaints arrive by without an officer typing them: the public complaint
 * form (here), e-mail (`mail.ts`, its follow-ups `mail-follow-up.ts`) and central's
 * spreadsheet import (`import.ts`). Each registers through `registerCase`, so each case lands
 * in `received` with its `channel`, for central to verify like any other.
 */
import { monotonicUlids, newUlid } from '../ids.ts';
import { DEFAULT_TIME_ZONE, type TimeZone } from '../calendar.ts';
import type { CaseRecord } from '../case.ts';
import {
  attachmentKey,
  defaultVisibility,
  downloadName,
  receivedAttachment,
  type Sniffed,
} from '../documents/attachments.ts';
import { DomainError, invalidInput } from '../errors.ts';
import { formatLocal } from '../date-words.ts';
import type { ComplaintReceipt, PublicComplaintInput } from '../schemas.ts';
import { PUBLIC_ATTACHMENTS } from '../schemas/intake.ts';
import { CENTRAL_TENANT } from '../tenancy.ts';
import { documentStorage } from './attachments.ts';
import {
  type Idempotency,
  idempotent,
  PUBLIC_IDEMPOTENCY,
  type ServiceDeps,
} from './kernel/index.ts';
import { AlreadyRegistered, type RegisterOptions, registerCase } from './registration.ts';

export const INTAKE = { system: 'intake' } as const;

/** A proof of work already checked by the edge, spent with the case it paid for. */
export interface SpentProof {
  /** Unique per challenge (its signature): a second complaint with it is refused. */
  readonly id: string;
}

/**
 * A complaint from the public form (no token). The complainant may stay anonymous, hide
 * their identity from agencies, or ask for confidentiality; up to 3 files (PDF, JPEG, PNG by
 * their bytes) come with it, written with the case or not at all. The answer is the receipt.
 *
 * With an `Idempotency-Key`, a repeat of the same request (after an answer lost on the way)
 * gets the same receipt, without checking the proof again (it was spent by the first): the
 * code is shown once, and a form that lost it would otherwise send a second case. The proof
 * is not part of the request's fingerprint (a form may have solved a new one since), so the
 * key, with the complaint's text, is what guards the replay: the edge takes only keys of 16
 * characters or more, and the console draws a UUID for each complaint.
 */
export async function submitComplaint(
  deps: ServiceDeps,
  input: Omit<PublicComplaintInput, 'altcha' | 'attachments'>,
  /** Checks the form's proof of work (a 400 on `altcha` if it does not hold). */
  proof: () => Promise<SpentProof>,
  /** The form's files, decoded (`attachments[i]`), already within the schema's limits. */
  attachments: readonly { readonly name: string; readonly bytes: Uint8Array }[] = [],
  idem?: Idempotency,
): Promise<ComplaintReceipt> {
  return idempotent(deps, PUBLIC_IDEMPOTENCY, idem, async (remember) => {
    const spent = await proof();
    const { anonymous, complainant, timeZone, ...rest } = input;
    // Every file is checked before anything is written: one refused file refuses the complaint.
    const files = await inspected(deps, attachments);
    files.forEach(({ name, sniffed }, i) => {
      if (!sniffed.mime || !(sniffed.mime in PUBLIC_ATTACHMENTS.types))
        throw new DomainError(
          'unsupported_media_type',
          `${name}: the content is ${sniffed.mime ?? 'of an unknown type'}; the form takes PDF, JPEG and PNG files (detected from the content, not the name)`,
          { errors: [{ path: `attachments.${i}.content`, message: 'only PDF, JPEG and PNG' }] },
        );
    });
    let receipt: ComplaintReceipt | undefined;
    try {
      await registerWithFiles(
        deps,
        { ...rest, channel: 'web', complainant: anonymous ? null : (complainant ?? null) },
        {
          actor: INTAKE,
          claims: [{ kind: 'proof_of_work', value: spent.id }],
          remember: (c) => remember((receipt = receiptOf(c, timeZone ?? DEFAULT_TIME_ZONE))),
        },
        files.map((f) => ({ ...f, contentType: f.sniffed.mime!, centralOnly: false })),
      );
      return receipt!;
    } catch (error) {
      // Only the proof can be taken here (the form sets no other claim): a replayed answer
      // (or the same request sent twice at once, which `idempotent` answers with the first's).
      if (error instanceof AlreadyRegistered)
        throw invalidInput('altcha', 'this answer was used already: solve a new challenge');
      throw error;
    }
  });
}

const receiptOf = (c: CaseRecord, zone: TimeZone): ComplaintReceipt => ({
  trackingCode: c.trackingCode,
  receivedAt: c.receivedAt,
  verificationDueAt: c.verificationDueAt,
  subject: c.subject,
  anonymous: c.complainant === null,
  confidential: c.confidential,
  receipt: receiptText(c.trackingCode, c.receivedAt, c.subject, zone, c.agendaNumber ?? undefined),
});

/**
 * The receipt (tanda terima) a complainant keeps: what was received, when (in their zone, the
 * zone named), the code, and the agenda number, which the tracking page asks them to quote
 * when they write to central (to ask, send what is missing or withdraw), never the code.
 */
export const receiptText = (
  trackingCode: string,
  receivedAt: string,
  subject: string,
  zone: TimeZone = DEFAULT_TIME_ZONE,
  agenda?: string,
): string =>
  [
    'TANDA TERIMA PENGADUAN',
    ...(agenda ? [`Nomor agenda: ${agenda}`] : []),
    `Kode lacak: ${trackingCode}`,
    `Diterima: ${formatLocal(receivedAt, zone)}`,
    `Perihal: ${subject}`,
    'Pengaduan Anda akan diverifikasi oleh Asdep Pengaduan Masyarakat. Simpan kode ini, dan ' +
      'jangan berikan kepada siapa pun: hanya dengan kode ini Anda dapat melacak dan menanggapi ' +
      'pengaduan, dan siapa yang memegangnya dapat menanggapi atas nama Anda.',
  ].join('\n');

export interface IntakeFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly sniffed: Sniffed;
  readonly contentType: string;
  readonly centralOnly: boolean;
}

/** Each file with what its bytes are (type and size by content, not name). */
export async function inspected(
  deps: ServiceDeps,
  files: readonly { readonly name: string; readonly bytes: Uint8Array }[],
): Promise<{ name: string; bytes: Uint8Array; sniffed: Sniffed }[]> {
  if (files.length === 0) return [];
  const { inspect } = documentStorage(deps);
  return Promise.all(files.map(async (f) => ({ ...f, sniffed: await inspect(f.bytes) })));
}

/** Files given ids under a case, monotonic: they are listed (by id) in the order they came. */
export function withKeys<F extends IntakeFile>(
  caseId: string,
  files: readonly F[],
): (F & { id: string; key: string })[] {
  const nextId = monotonicUlids();
  return files.map((f) => {
    const fileId = nextId();
    return { ...f, id: fileId, key: attachmentKey(caseId, fileId) };
  });
}

/** Writes files' bytes, one after another, before any record names them. */
export async function storeBytes(
  deps: ServiceDeps,
  files: readonly (IntakeFile & { key: string })[],
): Promise<void> {
  const { blobs } = documentStorage(deps);
  for (const f of files) await blobs.write(f.key, f.bytes, f.contentType, downloadName(f));
}

/**
 * Registers a case with files that came with it: the bytes are stored first under the case's
 * id, then the case and their records are written in one transaction. A case therefore never
 * lacks one of its files; if the case is not written (a replayed proof, a redelivered
 * message, a failure), the bytes are deleted again, and until then no record names them, so
 * nobody can list or download them.
 */
export async function registerWithFiles(
  deps: ServiceDeps,
  input: Parameters<typeof registerCase>[1],
  options: RegisterOptions,
  files: readonly IntakeFile[],
): Promise<CaseRecord> {
  if (files.length === 0) return registerCase(deps, input, options);
  const { blobs } = documentStorage(deps);
  const id = newUlid();
  const stored = withKeys(id, files);
  try {
    await storeBytes(deps, stored);
    return await registerCase(deps, input, {
      ...options,
      id,
      attachments: (c, now) =>
        stored.map((f) =>
          receivedAttachment({
            id: f.id,
            caseId: c.id,
            name: f.name,
            contentType: f.contentType,
            sniffed: f.sniffed,
            visibility: f.centralOnly ? 'central' : defaultVisibility('case', c.identityHidden),
            uploadedBy: { sub: `intake:${c.channel}`, agency: CENTRAL_TENANT },
            now,
          }),
        ),
    });
  } catch (error) {
    // Only a case never written leaves its files to delete: an error after the transaction
    // landed (every attempt's answer timed out) would take a saved case's files with it. So
    // the read is consistent: an eventually consistent one may not see the case just written,
    // and the redelivery that follows finds its claim and stores nothing again. Not knowing
    // (the store down) keeps them: a stray file costs less than a lost one.
    const written = await deps.store.getCase(id, { consistent: true }).then(Boolean, () => true);
    if (!written) await Promise.allSettled(stored.map((f) => blobs.delete(f.key)));
    throw error;
  }
}
