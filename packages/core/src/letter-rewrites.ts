/**
 * Ladder letters as written, brought up to date before they go: a letter held for letter hours
 * (or a retried one) names only the targets still owed, and the deadlines in force when it is
 * sent, its number, date and every other word kept (ladder/outbox.ts, the sweep's delivery).
 * Composing a letter is letters.ts's.
 */
import {
  type Calendar,
  endOfLocalDay,
  localDate,
  startOfLocalDay,
  TIME_ZONES,
  type TimeZone,
} from './calendar.ts';
import { formatLocal } from './date-words.ts';
import type { AssignmentRecord } from './assignment.ts';
import { TARGET_LABELS } from './labels.ts';
import type { LetterBlock } from './documents/letter-document.ts';
import { letterReadOn, NEXT_RUNG_OPENING, nextRungNotice, targetLine } from './letters.ts';
import type { LadderNow } from './ladder/rules.ts';
import { isLadderLetter, type NotificationRecord } from './notification.ts';
import type { LadderStep, Target } from './policy.ts';
import { cutText } from './text.ts';

/**
 * Rung letter `n` as written, what it says follows it (`nextRungNotice`) said again as the
 * ladder counts it when it goes: by the agency's `calendar` and zone and the policy's `steps`
 * as they are now, and, given the ladder as it stands (`ladder`: the episode on its record),
 * from that episode's state when `n` is the last rung it wrote (`rungAfter`), else from the
 * rung's own instants (its `scheduledAt`, written at `createdAt`). A holiday added, the zone
 * corrected, the steps edited, or the clock paused and resumed while it was held moved the
 * next rung, and a head read a date the ladder no longer acts by; paused still, it names the
 * date were the clock to run again as it goes. Taken out when no rung follows it now; a letter
 * that said none says none. The letter itself when it says the same.
 */
export function letterFollowedNow(
  n: NotificationRecord,
  steps: readonly LadderStep[],
  a: Pick<AssignmentRecord, 'timeZone'>,
  calendar: Calendar,
  ladder?: LadderNow,
): NotificationRecord {
  if (!isLadderLetter(n) || n.action === 'warning') return n;
  const notice = nextRungNotice(
    { step: n.step, scheduledAt: n.scheduledAt, at: n.createdAt, episode: n.episode ?? null },
    steps,
    a,
    calendar,
    ladder,
  );
  const said = (text: string) => {
    const at = text.indexOf(NEXT_RUNG_OPENING);
    if (at < 0) return text;
    return notice ? `${text.slice(0, at)}${notice}` : text.slice(0, at).trimEnd();
  };
  if (!n.body.split('\n').some((l) => said(l) !== l)) return n;
  return {
    ...n,
    ...rewritten(n, said, (b) => (b.kind === 'paragraph' ? { ...b, text: said(b.text) } : b)),
  };
}

/**
 * Letter `n` as written, its e-mail's lines and its PDF's blocks rewritten (a line mapped to
 * null is taken out): what a letter that waited says now, its number, date and every other
 * word kept.
 */
function rewritten(
  n: NotificationRecord,
  line: (line: string) => string | null,
  block: (b: LetterBlock) => LetterBlock,
): Pick<NotificationRecord, 'body' | 'document'> {
  return {
    body: n.body
      .split('\n')
      .flatMap((l) => kept(line(l)))
      .join('\n'),
    ...(n.document ? { document: { ...n.document, blocks: n.document.blocks.map(block) } } : {}),
  };
}

const kept = (line: string | null): string[] => (line === null ? [] : [line]);

/**
 * Letter `n` with its lines about its targets (`composeLetter`'s, one per target, each opening
 * with the target's label: the e-mail's after a dash, the PDF's list items) mapped by `line`.
 */
function withTargetLines(
  n: NotificationRecord,
  line: (line: string) => string | null,
): Pick<NotificationRecord, 'body' | 'document'> {
  return rewritten(
    n,
    (l) => {
      if (!l.startsWith('- ')) return l;
      const mapped = line(l.slice(2));
      return mapped === null ? null : `- ${mapped}`;
    },
    (b) => (b.kind === 'list' ? { ...b, items: b.items.flatMap((i) => kept(line(i))) } : b),
  );
}

/**
 * Ladder letter `n` as written, naming only `targets` (some of those it names): the line of
 * each other target taken out of its text and of its PDF's list, its number, date and every
 * other word kept.
 */
export function letterNaming(
  n: NotificationRecord,
  targets: readonly Target[],
): NotificationRecord {
  const dropped = n.targets.filter((t) => !targets.includes(t));
  if (dropped.length === 0) return n;
  return {
    ...n,
    targets,
    target: targets[0] ?? n.target,
    ...withTargetLines(n, (line) => (dropped.some((t) => isLineOf(t, line)) ? null : line)),
  };
}

/**
 * Whether a letter's line (the body's without its dash, or the PDF's list item) is `target`'s:
 * its label with a capital, or without, as letters written before 2026-12 have it.
 */
const isLineOf = (target: Target, line: string) =>
  line.toLowerCase().startsWith(`${TARGET_LABELS[target]}:`);

/**
 * The deadline the line of ladder letter `n` about `target` names, read from its text: for a
 * letter written before letters recorded it (`named`, e648201). `due` (the deadline in force,
 * in the assignment's zone `tz`) when the line names it; that day's end in another zone when
 * the line names that (the agency's zone corrected since the letter was written); undefined
 * when it names another deadline (moved since) or the letter has no line about `target`.
 */
export function deadlineInLine(
  n: NotificationRecord,
  target: Target,
  due: string,
  tz: TimeZone,
): string | undefined {
  const line = n.body.split('\n').find((l) => l.startsWith('- ') && isLineOf(target, l.slice(2)));
  if (line === undefined) return undefined;
  const day = localDate(new Date(due), tz);
  return TIME_ZONES.map((z) => (z === tz ? due : endOfLocalDay(day, z).toISOString())).find(
    (at, i) => line.includes(`batas waktu ${formatLocal(at, TIME_ZONES[i]!)}`),
  );
}

/**
 * Ladder letter `n` as written, its line about each of `targets` written again from the
 * assignment's deadline now (`a.due`), late up to the day the letter is read as when it was
 * written (its date kept): in its text and its PDF's list, and in what it records it names
 * (`named`). For a held rung whose deadlines an extension, a holiday or a resume moved before
 * it went; every other word kept.
 */
export function letterRestating(
  n: NotificationRecord,
  targets: readonly Target[],
  a: Pick<AssignmentRecord, 'due' | 'timeZone'>,
  calendar: Calendar,
): NotificationRecord {
  if (targets.length === 0 || !isLadderLetter(n)) return n;
  const action = n.action;
  const at = {
    timeZone: a.timeZone,
    calendar,
    readOn: n.datedOn
      ? startOfLocalDay(n.datedOn, a.timeZone)
      : letterReadOn(n.createdAt, a.timeZone, calendar),
  };
  return {
    ...n,
    named: { ...n.named, ...Object.fromEntries(targets.map((t) => [t, a.due[t]])) },
    ...withTargetLines(n, (line) => {
      const t = targets.find((x) => isLineOf(x, line));
      return t ? targetLine(action, t, a.due[t], at).slice(2) : line;
    }),
  };
}

/** The line of a letter's e-mail (and the row of its PDF) that names the case's subject. */
const SUBJECT_LABEL = 'Pokok pengaduan';

/**
 * Letter `n` as written, about the case's subject as it is now (`subject`: the assignment's
 * copy, which a restatement rewrites): central restated it while the letter waited, perhaps to
 * take a complainant's name out, and a held letter must not carry the old one to an agency's
 * head or its focal point. Its e-mail's subject, its "Pokok pengaduan" line and its PDF's row,
 * every other word kept; the letter itself when the subject is the same (or not known).
 */
export function letterAbout(
  n: NotificationRecord,
  subject: string | undefined,
): NotificationRecord {
  const prefix = `${SUBJECT_LABEL}: `;
  const before = n.body
    .split('\n')
    .find((line) => line.startsWith(prefix))
    ?.slice(prefix.length);
  if (!subject || before === undefined || before === subject) return n;
  const titled = n.subject.indexOf(': ');
  return {
    ...n,
    subject: titled < 0 ? n.subject : cutText(`${n.subject.slice(0, titled + 2)}${subject}`, 250),
    ...rewritten(
      n,
      (line) => (line.startsWith(prefix) ? `${prefix}${subject}` : line),
      (b) =>
        b.kind === 'fields'
          ? {
              ...b,
              rows: b.rows.map(
                ([label, value]) => [label, label === SUBJECT_LABEL ? subject : value] as const,
              ),
            }
          : b,
    ),
  };
}
