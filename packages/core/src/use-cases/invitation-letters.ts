/**
 * The letters central's activities owe the agencies invited to them (documents/invitation.ts):
 * each agency's invitation once an activity has a date, a letter naming it when the activity
 * moves or is called off, by central (use-cases/monitoring.ts) or by the case's close
 * (`withCancellationLetters`: use-cases/cases.ts, public.ts, the Tick's reply window).
 */
import {
  type ActivityRecord,
  type CalledOff,
  type CancellationLetters,
  holdersOf,
} from '../activity.ts';
import { localDate } from '../calendar.ts';
import { invitationLettersDue, invitationLetterWrite } from '../documents/invitation.ts';
import { DEFAULT_DOCUMENT_SETTINGS } from '../documents/letter-document.ts';
import { formatNumber, sequenceName } from '../documents/numbering.ts';
import type { NotificationRecord } from '../notification.ts';
import type { CaseBundle, CaseLetter } from '../ports.ts';
import type { Actor, TimelineEvent } from '../timeline.ts';
import type { ServiceDeps } from './kernel/index.ts';

/**
 * The letters central's change of an activity (`before`, null: just planned; `after`) writes to
 * its agencies (`invitationLettersDue`): each agency's invitation once it has a date, a letter
 * naming that invitation when it moves or is called off (by central, or by the case's close:
 * `withCancellationLetters`), as `actor` caused it. Their numbers are reserved here, just
 * before the transaction that writes them with the activity, as the Tick reserves its letters':
 * a number is lost (a gap) when that transaction then fails or is retried. At most one letter
 * an agency (18), with its event and its share with the member unit holding the agency's
 * assignment: 54 items beside the activity's own (at most 36 invitations, the case, its event
 * and the request's key), within `MAX_COMMIT_ITEMS`. Only what changed writes any: the same
 * schedule sent again is answered as made before here, and a retried plan by its key.
 */
export async function invitationLetters(
  deps: LetterDeps,
  actor: Actor,
  bundle: CaseBundle,
  before: ActivityRecord | null,
  after: ActivityRecord,
  now: Date,
  /** The case's invitation letters, when read already (`invitationsWritten`). */
  written?: readonly NotificationRecord[],
): Promise<{ letters: CaseLetter[]; events: TimelineEvent[] }> {
  const out: { letters: CaseLetter[]; events: TimelineEvent[] } = { letters: [], events: [] };
  if (!owesLetters(deps, after)) return out;
  const earlier = before ? (written ?? (await invitationsWritten(deps, after.caseId))) : [];
  const due = invitationLettersDue(before, after, earlier);
  if (due.length === 0) return out;
  const [settings, agencies] = await Promise.all([
    deps.store.getDocumentSettings().then((s) => s ?? DEFAULT_DOCUMENT_SETTINGS),
    Promise.all(due.map((d) => deps.store.getAgency(d.agencyId))),
  ]);
  // Dated, and numbered, in WIB: central's act, from Jakarta (as the forwarding letter).
  const date = localDate(now, 'Asia/Jakarta');
  const holders = holdersOf(bundle.assignments);
  // Removed from the registry since: no one to write to.
  const addressed = due.flatMap((d, i) => (agencies[i] ? [{ d, agency: agencies[i] }] : []));
  if (addressed.length === 0) return out;
  // Their numbers in one round trip, consecutive in the order written.
  const first = await deps.store.reserveSequence(sequenceName('letter', date), addressed.length);
  for (const [i, { d, agency }] of addressed.entries()) {
    const seq = first + i;
    const write = invitationLetterWrite({
      due: d,
      activity: after,
      previousAt: before?.scheduledAt ?? null,
      case: bundle.case,
      agency,
      generation: bundle.assignments.find((a) => a.agencyId === d.agencyId)?.generation ?? 0,
      settings,
      number: formatNumber(settings.letterNumberPattern, seq, date),
      now,
      actor,
      consoleUrl: deps.consoleUrl,
    });
    const member = holders.get(d.agencyId);
    out.letters.push({
      notification: write.notification,
      ...(member ? { sharedWith: member } : {}),
    });
    out.events.push(write.event);
  }
  return out;
}

/** What writing an activity's letters reads: the store, whether they are on, the console. */
type LetterDeps = Pick<ServiceDeps, 'store' | 'invitationLetters' | 'consoleUrl'>;

/**
 * Whether a change leaving activity `a` as it is may owe its agencies a letter: planned with a
 * date, or cancelled (then only those invited by letter get one: `invitationLettersDue`).
 */
const owesLetters = (deps: LetterDeps, a: ActivityRecord): boolean =>
  deps.invitationLetters === true &&
  a.agencyIds.length > 0 &&
  ((a.status === 'planned' && a.scheduledAt !== null) || a.status === 'cancelled');

/**
 * `calledOff` (a case's close: `calledOffByClose`) with the letters its activities owe, each as
 * central's cancellation of it writes them (`invitationLetters`: a "pembatalan" to each agency
 * holding its invitation letter, naming it, for the activity's reason, shared with the member
 * unit holding the agency's assignment), to go in the activity's own transaction
 * (`closingRuns`, `closingItems`). None for an activity never given a date (a proposal, an
 * undated plan: no invitation went out). Their numbers are reserved here, just before the close's
 * transactions: a close retried after a conflict loses them (a gap in the series), and one
 * cut short between its runs calls off, tried again, only what is still open, so each letter is
 * written once. The case's letters are read once, and only when an activity may owe any.
 */
export async function withCancellationLetters(
  deps: LetterDeps,
  bundle: CaseBundle,
  calledOff: CalledOff,
  actor: Actor,
  now: Date,
): Promise<CalledOff> {
  const owing = calledOff.activities.some(
    ({ record }) => record.scheduledAt !== null && owesLetters(deps, record),
  );
  if (!owing) return calledOff;
  const written = await invitationsWritten(deps, bundle.case.id);
  const letters: CancellationLetters[] = [];
  for (const { record } of calledOff.activities) {
    const before = bundle.activities.find((a) => a.id === record.id) ?? null;
    letters.push(await invitationLetters(deps, actor, bundle, before, record, now, written));
  }
  return { ...calledOff, letters };
}

/** The invitation letters written on a case (every page of its letters). */
async function invitationsWritten(deps: LetterDeps, caseId: string): Promise<NotificationRecord[]> {
  const out: NotificationRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.listNotifications({ caseId }, { limit: 100, cursor });
    out.push(...page.items.filter((n) => n.action === 'invitation'));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}
