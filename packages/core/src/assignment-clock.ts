/**
 * An assignment's clock: pauses (waiting for the complainant), approved extensions, and the
 * history the deadline explanation shows. Each ended pause or extension is a `ClockEntry` item
 * of its own; the assignment keeps only the sums.
 */
import { type Calendar, pausedWorkingDays, workingDaysBetween } from './calendar.ts';
import { invalidTransition, limitExceeded } from './errors.ts';
import type { Target } from './policy.ts';
import {
  type AssignmentRecord,
  isOpen,
  nextDueAt,
  openTargets,
  withDeadlines,
} from './assignment.ts';
import { mapTargets, touch, ZERO_DAYS } from './assignment-fields.ts';

/**
 * How many times one generation of an assignment may be paused. Each pause is an item of its
 * own, so the records cannot outgrow DynamoDB whatever the count; the cap bounds the deadline
 * explanation, which lists every pause and what it moved, with its reason, under each of the
 * three targets (50 pauses of 2,000 characters: under 2 MB, well within a Lambda response).
 */
export const MAX_PAUSES = 50;

/**
 * An approved extension or an ended pause of one generation of an assignment, stored as an
 * item of its own in the case's partition: a history that grows never grows the assignment.
 * It added `workingDays` to the targets still open when it happened (a pause shorter than a
 * working day added none, and is still listed).
 */
export interface ClockEntry {
  readonly caseId: string;
  readonly agencyId: string;
  readonly generation: number;
  /** A ULID: entries sort in the order they were written, whatever the clock says. */
  readonly id: string;
  readonly kind: 'extension' | 'pause';
  readonly workingDays: number;
  readonly targets: readonly Target[];
  readonly at: string;
  readonly reason: string;
  /** A pause's interval and who paused. */
  readonly pause?: { readonly from: string; readonly to: string; readonly by: string };
  /**
   * How a pause's days were counted: `time` (`pausedWorkingDays`, every pause ended since
   * 2026-12-01); absent, every working date it touched (`workingDaysBetween`), as before.
   */
  readonly measure?: 'time';
}

/**
 * A change to an assignment's clock, as records written before clock entries kept it in an
 * array (legacy, read only): an approved extension, or a pause that ended.
 */
export interface Adjustment {
  readonly kind: 'extension' | 'pause';
  readonly workingDays: number;
  readonly targets: readonly Target[];
  readonly at: string;
  readonly reason: string;
}

/** A pause of the assignment's clock (waiting for the complainant); `to` null while it lasts. */
export interface Pause {
  readonly from: string;
  readonly to: string | null;
  readonly reason: string;
  readonly by: string;
  /** What the complainant is asked to send, shown on their tracking page while it lasts. */
  readonly asked?: string;
}

/** The sums with a new clock entry's working days added to its targets. */
function addedWith(a: AssignmentRecord, entry: ClockEntry): NonNullable<AssignmentRecord['added']> {
  const added = a.added ?? { extension: ZERO_DAYS, pause: ZERO_DAYS };
  const sums = added[entry.kind];
  return {
    ...added,
    [entry.kind]: mapTargets((t) => sums[t] + (entry.targets.includes(t) ? entry.workingDays : 0)),
  };
}

/** Pauses taken in this generation (a legacy record counts the ones in its array). */
const pausesTaken = (a: AssignmentRecord): number => a.pauseCount ?? (a.pauses ?? []).length;

/**
 * Pause the clock (waiting for the complainant): at most `MAX_PAUSES` times per generation
 * (`limit_exceeded` after that; the agency can still ask central for more time).
 */
export function pause(
  a: AssignmentRecord,
  reason: string,
  by: string,
  now: Date,
  asked?: string,
): AssignmentRecord {
  if (!isOpen(a)) throw invalidTransition(`an assignment that is ${a.state} has no clock to pause`);
  if (a.paused) throw invalidTransition('the clock is already paused');
  const taken = pausesTaken(a);
  if (taken >= MAX_PAUSES) {
    throw limitExceeded(
      `an assignment's clock can be paused at most ${MAX_PAUSES} times, and this one has been ` +
        'paused that often: ask central for an extension instead',
      'pauses',
    );
  }
  return touch(a, now, {
    paused: true,
    pauseCount: taken + 1,
    pauses: [
      ...(a.pauses ?? []),
      { from: now.toISOString(), to: null, reason, by, ...(asked ? { asked } : {}) },
    ],
  });
}

/** An assignment after a clock change, and the entry that records the change (a new item). */
export interface ClockChange {
  readonly assignment: AssignmentRecord;
  readonly entry: ClockEntry;
}

/**
 * Resume the clock: the open targets move by the whole working days the pause lasted, in the
 * agency's zone (`pausedWorkingDays`: paused time, not dates touched). The pause leaves the assignment as a clock entry
 * `entryId` (a legacy record's open pause too; its ended ones stay in its array).
 */
export function resume(
  a: AssignmentRecord,
  calendar: Calendar,
  now: Date,
  entryId: string,
): ClockChange {
  if (!a.paused) throw invalidTransition('the clock is not paused');
  const pauses = [...(a.pauses ?? [])];
  const last = pauses.pop()!;
  const at = now.toISOString();
  const entry: ClockEntry = {
    caseId: a.caseId,
    agencyId: a.agencyId,
    generation: a.generation,
    id: entryId,
    kind: 'pause',
    workingDays: pausedWorkingDays(calendar, new Date(last.from), now, a.timeZone),
    measure: 'time',
    targets: openTargets(a),
    at,
    reason: last.reason,
    pause: { from: last.from, to: at, by: last.by },
  };
  const resumed = touch(a, now, {
    paused: false,
    pauses,
    pauseCount: pausesTaken(a),
    added: addedWith(a, entry),
  });
  return { assignment: withDeadlines(resumed, calendar), entry };
}

/** An approved extension: the open targets get `workingDays` more (clock entry `entryId`). */
export function extend(
  a: AssignmentRecord,
  workingDays: number,
  reason: string,
  calendar: Calendar,
  now: Date,
  entryId: string,
): ClockChange {
  if (!isOpen(a)) throw invalidTransition(`an assignment that is ${a.state} cannot be extended`);
  const entry: ClockEntry = {
    caseId: a.caseId,
    agencyId: a.agencyId,
    generation: a.generation,
    id: entryId,
    kind: 'extension',
    workingDays,
    targets: openTargets(a),
    at: now.toISOString(),
    reason,
  };
  return {
    assignment: withDeadlines(touch(a, now, { added: addedWith(a, entry) }), calendar),
    entry,
  };
}

/**
 * The soonest unmet deadline `extend` would give if central approved `workingDays` more now:
 * the same count (the agency's calendar, in its zone), nothing written. What central weighs
 * before deciding, with the holidays inside already counted. Null while the clock is paused
 * (no deadline runs until it resumes) or once the assignment has ended.
 */
export function extendedDueAt(
  a: AssignmentRecord,
  workingDays: number,
  calendar: Calendar,
  now: Date,
): string | null {
  if (!isOpen(a) || a.paused) return null;
  return nextDueAt(extend(a, workingDays, '', calendar, now, 'preview').assignment);
}

/**
 * Clock entries as `calendar` counts them: an ended pause's days are the working days it lasted
 * (in the assignment's zone), so a day off added or removed inside it since it ended changes
 * them, and the deadline does not move for a day the agency never lost. Each by the rule it was
 * counted under when it ended (`measure`): one from before pauses were measured in time keeps
 * counting dates, or a calendar edit would pull its deadline earlier. Extensions keep the days
 * central granted.
 */
export function entriesOn(
  entries: readonly ClockEntry[],
  calendar: Calendar,
  timeZone: AssignmentRecord['timeZone'],
): ClockEntry[] {
  return entries.map((e) =>
    e.kind === 'pause' && e.pause
      ? {
          ...e,
          workingDays: (e.measure === 'time' ? pausedWorkingDays : workingDaysBetween)(
            calendar,
            new Date(e.pause.from),
            new Date(e.pause.to),
            timeZone,
          ),
        }
      : e,
  );
}

/**
 * The assignment with its ended pauses' sums taken from `entries` (its generation's, as
 * `entriesOn` counts them); its deadlines are not recomputed here.
 */
export function withPauseDays(
  a: AssignmentRecord,
  entries: readonly ClockEntry[],
): AssignmentRecord {
  if (!a.added) return a; // a legacy record: its pauses are in its own arrays
  const pauses = entries.filter((e) => e.kind === 'pause' && e.generation === a.generation);
  const pause = mapTargets((t) =>
    pauses.filter((e) => e.targets.includes(t)).reduce((sum, e) => sum + e.workingDays, 0),
  );
  return { ...a, added: { ...a.added, pause } };
}

/** Whether the assignment has pauses that ended in this generation (clock entries to read). */
export const hasEndedPauses = (a: AssignmentRecord): boolean =>
  pausesTaken(a) - (a.paused ? 1 : 0) > 0;

/**
 * The extensions and pauses of an assignment for its deadline explanation, oldest first: the
 * legacy arrays of a record written before clock entries, then the entries (`entries` in the
 * order they were written, as their ids sort), then the pause in progress. No instants are
 * compared: under a frozen clock they are all equal.
 */
export function clockHistory(
  a: AssignmentRecord,
  entries: readonly ClockEntry[],
): { adjustments: Adjustment[]; pauses: Pause[] } {
  const kept = a.pauses ?? [];
  return {
    adjustments: [
      ...(a.adjustments ?? []),
      ...entries
        .filter((e) => e.workingDays > 0)
        .map((e) => ({
          kind: e.kind,
          workingDays: e.workingDays,
          targets: e.targets,
          at: e.at,
          reason: e.reason,
        })),
    ],
    pauses: [
      ...kept.filter((p) => p.to !== null),
      ...entries.flatMap((e) => (e.pause ? [{ ...e.pause, reason: e.reason }] : [])),
      ...kept.filter((p) => p.to === null),
    ],
  };
}
