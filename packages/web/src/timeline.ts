/**
 * A case's timeline in words: who did it, what it changed. (What is still pending, extension
 * requests and activities, the case itself lists: a long timeline is read a page at a time.)
 */
import type { Schemas } from './api/client';
import { TARGETS } from './deadline';
import { labelOf, stepLabel, type Translate } from './i18n/i18n';
import type { MessageKey } from './i18n/messages';

type Event = Schemas['TimelineEvent'];

/**
 * Who did it: `role` and `agency` of a person; the escalation system; the complainant, on the
 * tracking page or through an intake channel (the public form, e-mail: `{ system: 'intake' }`).
 */
export function actorKind(
  actor: Event['actor'],
): { kind: 'person'; agency: string; role: string } | { kind: 'escalation' | 'complainant' } {
  if ('system' in actor && actor.system === 'escalation') return { kind: 'escalation' };
  if ('system' in actor) return { kind: 'complainant' };
  if ('complainant' in actor) return { kind: 'complainant' };
  return { kind: 'person', agency: actor.agency, role: actor.role };
}

/**
 * What an event changed, in words: a status from → to, the agency forwarded to, the days asked
 * for, the step taken, the deadlines moved. Names, labels and dates; never an id.
 */
export function describeEvent(
  e: Event,
  t: Translate,
  nameOf: (agencyId: string) => string,
  when: (iso: string) => string,
): string[] {
  const d = e.data;
  const text = (key: string): string | null =>
    typeof d[key] === 'string' ? (d[key] as string) : null;
  const quote = (key: string) => (text(key) ? `“${text(key)}”` : null);
  const parts: (string | null)[] = [];
  switch (e.type) {
    case 'case_status_changed':
      parts.push(
        t('timeline.statusChange', {
          from: labelOf(t, 'status', String(d.from)),
          to: labelOf(t, 'status', String(d.to)),
        }),
      );
      break;
    case 'case_registered':
      parts.push(text('channel') ? labelOf(t, 'channel', text('channel')!) : null);
      parts.push(...mailFiles(d, t));
      // An e-mail answering a case that had ended, or claiming to from a sender the mail
      // service did not authenticate (central's alone: the API keeps both from agencies).
      if (text('followUpOf'))
        parts.push(
          t(d.followUpUnverified === true ? 'timeline.followUpUnverified' : 'timeline.followUpOf', {
            ref: text('followUpOfNumber') ?? text('followUpOf')!,
          }),
        );
      break;
    case 'complainant_mail': // a follow-up e-mail that joined the case (central's alone)
      // Its text is the entry's own block (`eventText`): its lines kept, a long one folded.
      // Its own message is kept as the follow-up's (`surel-lanjutan.eml`), not the original.
      parts.push(
        text('subject') ? t('timeline.restatedSubject', { subject: text('subject')! }) : null,
        ...mailFiles(d, t, 'timeline.followUpFilesSome'),
      );
      if (d.originalKept === false) parts.push(t('timeline.followUpNotKept'));
      break;
    case 'mail_receipt_sent': // the e-mail intake's receipt went (central's alone)
      parts.push(t('timeline.mailReceiptSent'));
      break;
    case 'mail_receipt_failed': // the sweep gave it up (central's alone)
      parts.push(t('timeline.mailReceiptFailed'));
      break;
    case 'case_verified':
    case 'case_needs_info':
    case 'case_rejected':
      parts.push(text('type') ? labelOf(t, 'type', text('type')!) : null, text('category'));
      parts.push(quote('missing'));
      break;
    case 'case_restated':
      // Central reads the subjects; an agency that the subject was restated (its own is the
      // case's, as it is now), and never what the complaint read before.
      if (text('subject')) {
        parts.push(t('timeline.restatedSubject', { subject: text('subject')! }));
        if (text('previousSubject'))
          parts.push(t('timeline.previousSubject', { subject: text('previousSubject')! }));
      } else if (d.subjectRestated === true) parts.push(t('timeline.subjectRestated'));
      if (d.descriptionRestated === true) {
        parts.push(t('timeline.restatedDescription'));
        if (text('previousDescription'))
          parts.push(t('timeline.previousDescription', { text: text('previousDescription')! }));
      }
      break;
    case 'assignment_forwarded':
      // The agency is named in the entry's heading; a re-forward says so.
      if (Array.isArray(d.reforwardOf) && d.reforwardOf.length > 0)
        parts.push(t('timeline.reforwardedTo', { agency: nameOf(e.agencyId ?? '') }));
      break;
    case 'response_submitted':
      parts.push(text('kind') ? labelOf(t, 'responseKind', text('kind')!) : null, quote('message'));
      break;
    case 'assignment_redirected':
      parts.push(quote('reason'));
      if (text('suggestedAgencyId'))
        parts.push(t('timeline.suggested', { agency: nameOf(text('suggestedAgencyId')!) }));
      break;
    case 'extension_requested':
    case 'extension_approved':
    case 'extension_refused':
      parts.push(t('timeline.workingDays', { days: Number(d.workingDays) }));
      parts.push(quote('reason'), quote('note'));
      // An approval says where the deadlines went (events before it was recorded: nothing).
      if (e.type === 'extension_approved')
        parts.push(...movedDeadlines(d.dueBefore, d.due, t, when));
      break;
    case 'assignment_resumed': {
      // The deadlines move by the whole working days paused: a shorter pause moves none.
      const moved = movedDeadlines(d.dueBefore, d.due, t, when);
      parts.push(...moved);
      if (moved.length === 0 && d.dueBefore && d.due) parts.push(t('timeline.resumedNoMove'));
      break;
    }
    case 'assignment_paused':
      // What the complainant was asked (their tracking page shows it), after the reason.
      parts.push(quote('reason'));
      parts.push(text('asked') ? t('timeline.askedComplainant', { asked: text('asked')! }) : null);
      break;
    case 'assignment_withdrawn':
      // A close's: that central closed the case, and how (its `reason` says the same in
      // Indonesian; a close before it was kept wrote none). Otherwise central's reason.
      if (text('code') === 'closed_by_central')
        parts.push(
          t('timeline.withdrawnByClose', {
            outcome: text('outcome') ? labelOf(t, 'outcome', text('outcome')!) : '',
          }),
        );
      else parts.push(quote('reason'));
      break;
    case 'escalation_step':
    case 'escalation_skipped':
      parts.push(text('step') ? stepLabel(t, text('step')!) : null);
      if (Array.isArray(d.targets))
        parts.push(d.targets.map((x) => labelOf(t, 'target', String(x))).join(', '));
      parts.push(text('reason') ? labelOf(t, 'skipReason', text('reason')!) : null);
      break;
    case 'invitation_letter': // an activity's invitation, new date or cancellation, and its number
      parts.push(text('step') ? stepLabel(t, text('step')!) : null);
      parts.push(text('kind') ? labelOf(t, 'activity', text('kind')!) : null);
      parts.push(text('letterNumber'));
      break;
    case 'letter_resent': // central sent a failed letter again, to the corrected addresses
      parts.push(text('step') ? stepLabel(t, text('step')!) : null);
      if (Array.isArray(d.recipients))
        parts.push(t('timeline.resentTo', { to: d.recipients.map(String).join(', ') }));
      break;
    case 'letter_dismissed': // central's note of how the failed letter was handled
      parts.push(text('step') ? stepLabel(t, text('step')!) : null, quote('note'));
      break;
    case 'attachment_visibility_changed': // central's alone: who shared a file, or took it back
      parts.push(
        t(d.to === 'agencies' ? 'timeline.attachmentShared' : 'timeline.attachmentWithheld', {
          name: text('name') ?? '',
        }),
      );
      break;
    case 'deadlines_recomputed': {
      // A year declared complete takes the "may move" flag off and moves nothing: said so,
      // not a bare "recomputed" that leaves the reader looking for what changed.
      const moved = movedDeadlines(d.before, d.after, t, when);
      parts.push(...moved);
      if (moved.length === 0 && d.before && d.after) parts.push(t('timeline.recomputedNoMove'));
      break;
    }
    case 'activity_planned':
    case 'activity_proposed':
    case 'activity_scheduled':
      parts.push(text('kind') ? labelOf(t, 'activity', text('kind')!) : null);
      parts.push(...activityAgencies(e, nameOf));
      parts.push(text('scheduledAt') ? when(text('scheduledAt')!) : null);
      // A new date says the one it replaces (none when a proposal was taken up).
      parts.push(
        text('previous') ? t('timeline.activityPrevious', { at: when(text('previous')!) }) : null,
      );
      break;
    case 'activity_reported':
      parts.push(text('kind') ? labelOf(t, 'activity', text('kind')!) : null);
      parts.push(...activityAgencies(e, nameOf), quote('outcome'));
      break;
    case 'activity_cancelled':
      parts.push(text('kind') ? labelOf(t, 'activity', text('kind')!) : null);
      parts.push(...activityAgencies(e, nameOf), quote('reason'));
      break;
    case 'assignment_delegated':
      parts.push(
        text('memberId')
          ? t('timeline.delegatedTo', { agency: nameOf(text('memberId')!) })
          : text('returnedBy')
            ? t('timeline.returnedBy', { agency: nameOf(text('returnedBy')!) })
            : text('reason') === 'member_left'
              ? t('timeline.memberLeft', { agency: nameOf(text('formerMemberId') ?? '') })
              : t('timeline.takenBack'),
      );
      parts.push(quote('note'));
      break;
    case 'case_closed':
      parts.push(text('outcome') ? labelOf(t, 'outcome', text('outcome')!) : null);
      // The reply window ended in silence: its code, or the English reason the engine wrote
      // before it had one (its `reason` is now that sentence in Indonesian, for raw readers).
      if (
        text('code') === 'closed_unanswered' ||
        text('reason') === 'no reply within the reply window'
      )
        parts.push(t('case.closedUnanswered'));
      // The complainant said they were satisfied (a close before it wrote this event wrote
      // only the reply and the status change).
      else if (text('code') === 'closed_satisfied') parts.push(t('case.closedSatisfied'));
      break;
    case 'complainant_replied':
      parts.push(
        t(d.satisfied === true ? 'timeline.satisfied' : 'timeline.notSatisfied', {
          rating: Number(d.rating),
        }),
        quote('message'),
      );
      break;
    default:
      parts.push(quote('message'), quote('reason'));
  }
  return parts.filter((p): p is string => typeof p === 'string' && p !== '');
}

/**
 * What an entry carries as written, read below its line with its line breaks: a follow-up
 * e-mail's text (`complainant_mail`), up to 20,000 characters with the receipt it quotes,
 * which a line joined with " · " ran together.
 */
export function eventText(e: Event): string | null {
  const text = e.data.text;
  return e.type === 'complainant_mail' && typeof text === 'string' && text !== '' ? text : null;
}

/** How much of a long text the timeline shows before "Tampilkan selengkapnya" (`foldText`). */
export const FOLD_AT = 600;

/**
 * A long text's first part, about `foldAt` characters, for the timeline to stay readable; none
 * when folding would hide little (within a third of `foldAt` more). Cut at the last line
 * break in its last quarter, else at the last space in its second half: never inside a word.
 */
export function foldText(text: string, foldAt = FOLD_AT): string | null {
  if (text.length <= foldAt + foldAt / 3) return null;
  // Whole characters: an emoji's two UTF-16 halves are never split.
  const head = Array.from(text).slice(0, foldAt).join('');
  const line = head.lastIndexOf('\n');
  const space = head.search(/\s\S*$/);
  const at = line >= (foldAt * 3) / 4 ? line : space >= foldAt / 2 ? space : head.length;
  const cut = head.slice(0, at).trimEnd();
  // "sekolah. …", not "sekolah.…": the mark reads as the fold's, not the sentence's.
  return `${cut}${/[.!?,;:]$/.test(cut) ? ' ' : ''}…`;
}

/**
 * The agencies of an activity held with several, by name: its event is the case's (no one
 * agency's, which the line would name), so nothing else says who takes part. One with one
 * agency is named by the line already; one with none is central's own.
 */
function activityAgencies(e: Event, nameOf: (agencyId: string) => string): string[] {
  const ids = e.data.agencyIds;
  return e.agencyId === null && Array.isArray(ids) && ids.length > 0
    ? [ids.map((id) => nameOf(String(id))).join(', ')]
    : [];
}

/**
 * An e-mail's files: how many came, how many became attachments (types and sizes not taken stay
 * in the original message, which central reads); whether a group or list relayed it
 * (`Precedence: list|bulk`, `List-Id`: the sender may be the list); and whether a central
 * officer forwarded it (`forwardedBy`, with their note).
 */
function mailFiles(
  d: Event['data'],
  t: Translate,
  /** Where the files not taken are: the original message, or a follow-up's own. */
  some: MessageKey = 'timeline.mailFilesSome',
): string[] {
  const parts: string[] = [];
  const files = typeof d.attachments === 'number' ? d.attachments : 0;
  if (files > 0) {
    const attached = typeof d.attached === 'number' ? d.attached : 0;
    parts.push(
      t(attached < files ? some : 'timeline.mailFiles', {
        count: files,
        attached,
      }),
    );
  }
  if (d.viaList === true) parts.push(t('timeline.mailViaList'));
  // A citizen's message a central officer forwarded (central's alone: the API keeps it from
  // agencies): the complainant is the original's sender, not the officer.
  if (typeof d.forwardedBy === 'string') {
    parts.push(t('timeline.mailForwardedBy', { by: d.forwardedBy }));
    if (typeof d.forwardNote === 'string')
      parts.push(t('timeline.mailForwardNote', { note: d.forwardNote }));
  }
  return parts;
}

/** "Tindak lanjut: 30 Mar → 2 Apr" for each target whose deadline moved. */
function movedDeadlines(
  before: unknown,
  after: unknown,
  t: Translate,
  when: (iso: string) => string,
): string[] {
  if (!before || !after || typeof before !== 'object' || typeof after !== 'object') return [];
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  // In the assignment's order (acknowledgement, follow-up, resolution), whatever the event's;
  // a case's own deadlines (verification, reply window) after them.
  const keys = [
    ...TARGETS,
    ...Object.keys(a).filter((k) => !(TARGETS as readonly string[]).includes(k)),
  ];
  return keys
    .filter((k) => typeof a[k] === 'string' && typeof b[k] === 'string' && a[k] !== b[k])
    .map((k) =>
      t('timeline.moved', {
        target: labelOf(t, 'target', k),
        from: when(b[k] as string),
        to: when(a[k] as string),
      }),
    );
}
