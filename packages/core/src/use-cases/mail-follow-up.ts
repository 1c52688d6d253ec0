/**
 * A complainant's follow-up by e-mail (a reply, or a message quoting the agenda number, from
 * the case's own address, which the receiving service authenticated) joins their case instead
 * of opening another: which case it follows (`followedCase`), and the join (`joinCase`). The
 * caller (`receiveEmail`) decides whether it may join: an ended case, or a sender not
 * authenticated, makes it a new case that names the one it follows.
 */
import { type CaseRecord, type CaseStatus, followUpMail } from '../case.ts';
import { countsAgainstLimit, receivedAttachment } from '../documents/attachments.ts';
import { type UniqueClaim, WriteConflict } from '../ports.ts';
import { MAX_ATTACHMENTS_PER_CASE } from '../documents/attachment-vocabulary.ts';
import { normalizeReference } from '../search/normalize.ts';
import { CENTRAL_TENANT } from '../tenancy.ts';
import { newEventId } from '../timeline.ts';
import { documentStorage } from './attachments.ts';
import { INTAKE, storeBytes, withKeys } from './intake.ts';
import { loadCase, put, retryOnConflict, type ServiceDeps } from './kernel/index.ts';
import {
  FOLLOW_UP_MAIL_NAME,
  type IncomingMail,
  type MailFiles,
  type MailOutcome,
  mailAttachments,
  mailSubject,
  mailText,
  withWholeSubject,
} from './mail-message.ts';

/**
 * A case a follow-up no longer joins: rejected or closed, central has no work left on it and
 * would not look at it again, so the mail is a new case, noted as answering it (README, "E-mail").
 */
export const ENDED: readonly CaseStatus[] = ['rejected', 'closed'];

/** How many of the ids a message answers are looked up, its latest first. */
const MAX_FOLLOWED_IDS = 10;

/**
 * The agenda numbers a subject may quote (the tracking page asks the complainant to quote it,
 * `17/DUMAS/III/2026`): words with a digit and a `/` or `-`, normalised as search reads a
 * reference; the first 3.
 */
export function agendaNumbersIn(subject: string): string[] {
  const numbers = subject
    .split(/[\s[\](){}<>"',;]+/)
    .map((w) => w.replace(/[.:]+$/, ''))
    .filter((w) => /\d/.test(w) && /[/-]/.test(w) && w.length <= 100)
    .map(normalizeReference)
    .filter((n): n is string => n !== undefined);
  return [...new Set(numbers)].slice(0, 3);
}

/**
 * The case a message of `address` follows up: one a message it answers opened or joined
 * (its `In-Reply-To`, then its thread, latest first), or whose agenda number its subject
 * quotes; either only when the case's complainant has that address. Anyone can write those
 * headers and that subject: the ids are looked up under the sender's address (the claim each
 * message made: another sender's message under the same id is not theirs), and the number is
 * anybody's to quote, so the complainant's address decides; and anyone can write that address
 * too, so the caller joins the case only when the receiving service authenticated it
 * (`IncomingMail.fromAuthenticated`). Never a case a list relayed the registration of
 * (`viaList`): its complainant's address may be the list's. None: the message is a new case.
 */
export async function followedCase(
  deps: ServiceDeps,
  mail: IncomingMail,
  address: string,
): Promise<CaseRecord | undefined> {
  const theirs = (c: CaseRecord | undefined) =>
    c?.complainant?.email?.trim().toLowerCase() === address ? c : undefined;
  // Read only for a case of that address: its first event is its registration.
  const viaList = async (c: CaseRecord) =>
    (await deps.store.listTimeline(c.id, { limit: 1 })).items[0]?.data.viaList === true;
  const ids = [...new Set([...(mail.inReplyTo ?? []), ...[...(mail.references ?? [])].reverse()])];
  for (const id of ids.slice(0, MAX_FOLLOWED_IDS)) {
    const caseId = await deps.store.findClaim({ kind: 'message_id', value: `${address}\n${id}` });
    const c = caseId ? theirs((await deps.store.getCase(caseId))?.case) : undefined;
    if (c) return (await viaList(c)) ? undefined : c;
  }
  for (const number of agendaNumbersIn(mail.subject ?? '')) {
    const hits = await deps.store.findByLookups(
      [{ kind: 'ref', field: 'agendaNumber', value: number }],
      { limit: 10 },
    );
    const ids = hits.items.filter((h) => h.field === 'agendaNumber').map((h) => h.caseId);
    const c = (ids.length > 0 ? await deps.store.getCases(ids) : []).find(
      (x) => x.agendaNumber && normalizeReference(x.agendaNumber) === number && theirs(x),
    );
    if (c) return (await viaList(c)) ? undefined : c;
  }
  return undefined;
}

/**
 * A follow-up joins its case: a `complainant_mail` event only central reads (its subject and
 * text, cut as a case's description is), the `.eml` and the files the case takes, all
 * central's (the papers sent for `needs_info`, an ID scan, reach no agency unreviewed; central
 * may show them, `updateAttachment`), and the message's claims, so a redelivery answers the
 * case and a reply to it joins it too; all in one transaction with the case, which a case
 * waiting for information shows as answered. The files fill the room the case has left (30),
 * the `.eml` first. Nothing, and no file kept, when the case has ended since it was found
 * (rejected or closed): the caller registers the message as a new case then.
 */
export async function joinCase(
  deps: ServiceDeps,
  caseId: string,
  mail: IncomingMail,
  /** The message's own, and a staff forward's original's (`staffForward`). */
  claims: readonly UniqueClaim[],
  files: MailFiles | undefined,
  /** Forwarded by a staff member (`staffForward`): who, and their note. */
  forwarded?: { readonly forwardedBy: string; readonly forwardNote?: string },
): Promise<MailOutcome | undefined> {
  const kept = files ? await mailAttachments(deps, files, FOLLOW_UP_MAIL_NAME) : [];
  const { blobs } = documentStorage(deps);
  const stored = withKeys(caseId, kept);
  const drop = (gone: readonly { key: string }[]) =>
    Promise.allSettled(gone.map((f) => blobs.delete(f.key)));
  await storeBytes(deps, stored);
  try {
    const recorded = await retryOnConflict(async () => {
      const { case: c } = await loadCase(deps, caseId);
      // Ended since `followedCase` read it (or on a retry, by the write that conflicted).
      if (ENDED.includes(c.status)) return undefined;
      const now = deps.clock();
      const existing = await deps.store.listAttachments(caseId);
      const room =
        MAX_ATTACHMENTS_PER_CASE - existing.filter((a) => countsAgainstLimit(a, now)).length;
      // The .eml first: it holds every file, and the whole text.
      const eml = stored.filter((f) => f.centralOnly).slice(0, Math.max(0, room));
      const taken = [
        ...stored.filter((f) => !f.centralOnly).slice(0, Math.max(0, room - eml.length)),
        ...eml,
      ];
      const subject = mailSubject(mail.subject);
      const body = withWholeSubject(subject, (mail.text ?? '').trim());
      await deps.store.commit({
        case: put(c, followUpMail(c, now)),
        claims: [...claims],
        events: [
          {
            id: newEventId(now),
            caseId,
            at: now.toISOString(),
            type: 'complainant_mail',
            actor: INTAKE,
            agencyId: null,
            data: {
              subject: subject.subject,
              text: mailText(body, mail.attachments.length),
              attachments: mail.attachments.length,
              attached: taken.filter((f) => !f.centralOnly).length,
              // The case had no room left for the original message (on AWS the inbox bucket keeps
              // it until that expires).
              ...(stored.some((f) => f.centralOnly) && !taken.some((f) => f.centralOnly)
                ? { originalKept: false }
                : {}),
              ...(mail.viaList ? { viaList: true } : {}),
              ...forwarded,
            },
          },
        ],
        attachments: taken.map((f) => ({
          record: receivedAttachment({
            id: f.id,
            caseId,
            name: f.name,
            contentType: f.contentType,
            sniffed: f.sniffed,
            visibility: 'central',
            uploadedBy: { sub: 'intake:email', agency: CENTRAL_TENANT },
            now,
          }),
          expectedVersion: null,
        })),
      });
      return taken;
    });
    await drop(stored.filter((f) => !recorded?.includes(f)));
    return recorded ? { caseId, duplicate: false, followUp: true } : undefined;
  } catch (error) {
    // A transaction refused wrote nothing: its files go. Any other failure (an answer lost)
    // may have landed: they stay (a stray file costs less than a lost one).
    if (error instanceof WriteConflict) await drop(stored);
    // The same message delivered twice at once: the other delivery joined it.
    if (error instanceof WriteConflict && error.kind === 'claimed') {
      for (const claim of claims) {
        const earlier = await deps.store.findClaim(claim);
        if (earlier) return { caseId: earlier, duplicate: true };
      }
    }
    throw error;
  }
}
