/**
 * An assignment: one agency's obligation on a case (penyaluran / disposisi), its queue item.
 * Its three targets each carry a due instant; *overdue* is never stored, it is derived here
 * from the clock at read time.
 */
import { type Calendar, computeDeadline, type TimeZone, workingDaysBetween } from './calendar.ts';
import type { LadderRecord } from './notification.ts';
import { invalidTransition, limitExceeded } from './errors.ts';
import { type ComplaintType, TARGETS, type Target } from './policy.ts';
import type { AssignmentView, RedirectInput, ResponseInput } from './schemas.ts';

export type AssignmentState = AssignmentView['state'];
type TargetMap<T> = { [K in Target]: T };

export interface AssignmentRecord {
  readonly caseId: string;
  readonly agencyId: string;
  readonly state: AssignmentState;
  readonly instructions: string | null;
  readonly forwardedAt: string;
  readonly forwardedBy: string;
  readonly timeZone: TimeZone;
  readonly calendarId: string;
  readonly policyId: string;
  /**
   * When the clock started, if not at forwarding: a re-forward after a redirect may inherit
   * the original forwarding date (policy `reforwardClock: inherit`).
   */
  readonly clock?: {
    readonly basis: 'fresh' | 'inherited';
    readonly from: string;
    readonly inheritedFrom: string | null;
  };
  /**
   * The redirected assignments this forwarding answered (central forwarding again after "not
   * ours"): the link that says a redirect was re-forwarded, whatever the two instants. Absent
   * on records older than it.
   */
  readonly reforwardOf?: readonly AssignmentRef[];
  /**
   * On a redirected assignment: when a forwarding of the case answered its redirect (so
   * central's "awaiting re-forward" list drops it). Absent until then, and on older records.
   */
  readonly reforwardedAt?: string;
  /** The focal point's member unit working on it (the focal point stays accountable). */
  readonly delegatedTo?: string | null;
  /** The case's complaint type when forwarded (absent on records older than it). */
  readonly complaintType?: ComplaintType;
  /** The case's subject (it never changes), so a queue reads without a case per row. */
  readonly subject?: string;
  /** Working days granted per target (the basis of `due`). */
  readonly workingDays: TargetMap<number>;
  readonly due: TargetMap<string>;
  readonly met: TargetMap<string | null>;
  /**
   * Extensions and ended pauses as records written before clock entries kept them, oldest
   * first: frozen, read but never appended to. New ones are `ClockEntry` items of their own.
   */
  readonly adjustments?: readonly Adjustment[];
  /**
   * The pause in progress, if any (`to` null). Records written before clock entries also keep
   * their ended pauses here, frozen; a pause now ends as a `ClockEntry` item of its own.
   */
  readonly pauses?: readonly Pause[];
  /**
   * Working days the clock entries (extensions, ended pauses) added to each target, by kind:
   * the sums the deadlines need, so computing them never reads the entries.
   */
  readonly added?: { readonly extension: TargetMap<number>; readonly pause: TargetMap<number> };
  /** Pauses this generation has taken, legacy ones included (at most `MAX_PAUSES`). */
  readonly pauseCount?: number;
  readonly paused: boolean;
  /** Increments each time central forwards the case to this agency again after a redirect. */
  readonly generation: number;
  readonly redirect: { reason: string; suggestedAgencyId: string | null; at: string } | null;
  readonly calendarWarnings: readonly { target: Target; year: number; message: string }[];
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

/** One generation of one agency's assignment on a case. */
export interface AssignmentRef {
  readonly agencyId: string;
  readonly generation: number;
}

/** States in which the agency still owes something. */
export const OPEN_STATES: readonly AssignmentState[] = ['pending', 'acknowledged', 'responded'];
export const isOpen = (a: Pick<AssignmentRecord, 'state'>): boolean =>
  OPEN_STATES.includes(a.state);

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
}

/** Build a fresh assignment (or the next generation of a redirected one). */
export function newAssignment(input: {
  caseId: string;
  agencyId: string;
  instructions: string | null;
  forwardedAt: Date;
  forwardedBy: string;
  timeZone: TimeZone;
  calendar: Calendar;
  policyId: string;
  complaintType?: ComplaintType;
  subject?: string;
  workingDays: TargetMap<number>;
  previous: AssignmentRecord | undefined;
  /** A redirected assignment whose forwarding date this one's clock inherits. */
  inheritFrom?: AssignmentRecord | undefined;
  /** The redirected assignments this forwarding answers. */
  reforwardOf?: readonly AssignmentRef[];
}): AssignmentRecord {
  const at = input.forwardedAt.toISOString();
  return withDeadlines(
    {
      caseId: input.caseId,
      agencyId: input.agencyId,
      state: 'pending',
      instructions: input.instructions,
      forwardedAt: at,
      forwardedBy: input.forwardedBy,
      timeZone: input.timeZone,
      calendarId: input.calendar.id,
      policyId: input.policyId,
      ...(input.complaintType ? { complaintType: input.complaintType } : {}),
      ...(input.subject ? { subject: input.subject } : {}),
      reforwardOf: input.reforwardOf ?? [],
      clock: input.inheritFrom
        ? {
            basis: 'inherited',
            from: clockFrom(input.inheritFrom),
            inheritedFrom: input.inheritFrom.agencyId,
          }
        : { basis: 'fresh', from: at, inheritedFrom: null },
      workingDays: input.workingDays,
      due: { acknowledge: at, followUp: at, resolution: at },
      met: { acknowledge: null, followUp: null, resolution: null },
      pauses: [],
      added: { extension: ZERO_DAYS, pause: ZERO_DAYS },
      pauseCount: 0,
      paused: false,
      generation: (input.previous?.generation ?? 0) + 1,
      redirect: null,
      calendarWarnings: [],
      createdAt: input.previous?.createdAt ?? at,
      updatedAt: at,
      version: (input.previous?.version ?? 0) + 1,
    },
    input.calendar,
  );
}

/** The instant an assignment's deadlines count from. */
export const clockFrom = (a: Pick<AssignmentRecord, 'forwardedAt' | 'clock'>): string =>
  a.clock?.from ?? a.forwardedAt;

const ZERO_DAYS: TargetMap<number> = { acknowledge: 0, followUp: 0, resolution: 0 };

/** The working days a target has in all: the policy's, plus its extensions and pauses. */
export const totalWorkingDays = (a: AssignmentRecord, target: Target): number =>
  a.workingDays[target] +
  (a.added?.extension[target] ?? 0) +
  (a.added?.pause[target] ?? 0) +
  (a.adjustments ?? [])
    .filter((adj) => adj.targets.includes(target))
    .reduce((sum, adj) => sum + adj.workingDays, 0);

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
 * The assignment with its due instants computed from scratch: each target's working days
 * (policy + adjustments) counted from the forwarding in the agency's zone on `calendar`.
 * Forwarding, extensions, resuming, and calendar or policy edits all come through here.
 */
export function withDeadlines(a: AssignmentRecord, calendar: Calendar): AssignmentRecord {
  const deadlines = mapTargets((t) =>
    computeDeadline(calendar, new Date(clockFrom(a)), totalWorkingDays(a, t), a.timeZone),
  );
  return {
    ...a,
    calendarId: calendar.id,
    due: mapTargets((t) => deadlines[t].dueAt.toISOString()),
    calendarWarnings: TARGETS.flatMap((target) =>
      deadlines[target].uncoveredYears.map((year) => ({
        target,
        year,
        message: `calendar ${calendar.id} has no holidays for ${year}: counted weekends only`,
      })),
    ),
  };
}

const mapTargets = <T>(f: (t: Target) => T): TargetMap<T> => ({
  acknowledge: f('acknowledge'),
  followUp: f('followUp'),
  resolution: f('resolution'),
});

/** Whether a target is overdue at `now`: open, not paused, unmet, and past its due instant. */
export const isTargetOverdue = (a: AssignmentRecord, target: Target, now: Date): boolean =>
  isOpen(a) && !a.paused && a.met[target] === null && Date.parse(a.due[target]) < now.getTime();

/** Targets still owed (open assignment, unmet). */
export const openTargets = (a: AssignmentRecord): Target[] =>
  isOpen(a) ? TARGETS.filter((t) => a.met[t] === null) : [];

/**
 * Pause the clock (waiting for the complainant): at most `MAX_PAUSES` times per generation
 * (`limit_exceeded` after that; the agency can still ask central for more time).
 */
export function pause(
  a: AssignmentRecord,
  reason: string,
  by: string,
  now: Date,
): AssignmentRecord {
  if (!isOpen(a)) throw invalidTransition(`an assignment that is ${a.state} has no clock to pause`);
  if (a.paused) throw invalidTransition('the clock is already paused');
  const taken = pausesTaken(a);
  if (taken >= MAX_PAUSES) {
    throw limitExceeded(
      `an assignment's clock can be paused at most ${MAX_PAUSES} times, and this one has been ` +
        'paused that often: ask central for an extension instead',
    );
  }
  return touch(a, now, {
    paused: true,
    pauseCount: taken + 1,
    pauses: [...(a.pauses ?? []), { from: now.toISOString(), to: null, reason, by }],
  });
}

/** An assignment after a clock change, and the entry that records the change (a new item). */
export interface ClockChange {
  readonly assignment: AssignmentRecord;
  readonly entry: ClockEntry;
}

/**
 * Resume the clock: the open targets move by the working days the pause lasted (counted as
 * deadlines are, in the agency's zone). The pause leaves the assignment as a clock entry
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
    workingDays: workingDaysBetween(calendar, new Date(last.from), now, a.timeZone),
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

/** The soonest due instant among unmet targets of an open assignment (queue order). */
export function nextDueAt(a: AssignmentRecord): string | null {
  if (!isOpen(a)) return null;
  const open = TARGETS.filter((t) => a.met[t] === null).map((t) => a.due[t]);
  return open.length === 0 ? null : open.sort()[0]!;
}

/**
 * The API view: the record plus what is derived from the clock. `escalationLevel` is the rung
 * the ladder's current round reached, while something is still overdue.
 */
export function viewAssignment(
  a: AssignmentRecord,
  now: Date,
  ladder?: Pick<LadderRecord, 'level' | 'generation' | 'rung'>,
): AssignmentView {
  const overdue = mapTargets((t) => isTargetOverdue(a, t, now));
  const climbing =
    ladder !== undefined && ladder.generation === a.generation && TARGETS.some((t) => overdue[t]);
  return {
    caseId: a.caseId,
    agencyId: a.agencyId,
    subject: a.subject ?? null,
    state: a.state,
    instructions: a.instructions,
    forwardedAt: a.forwardedAt,
    clock: a.clock ?? { basis: 'fresh', from: a.forwardedAt, inheritedFrom: null },
    timeZone: a.timeZone,
    delegatedTo: a.delegatedTo ?? null,
    due: a.due,
    met: a.met,
    overdue,
    nextDueAt: nextDueAt(a),
    escalationLevel: climbing ? ladder.level : 0,
    // Central intervention puts the assignment on central's monitoring worklist.
    monitoring: climbing && ladder.rung === 'central_intervention',
    paused: a.paused,
    pausedSince: a.paused ? (a.pauses?.at(-1)?.from ?? null) : null,
    generation: a.generation,
    redirect: a.redirect,
    calendarWarnings: [...a.calendarWarnings],
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    version: a.version,
  };
}

const touch = (
  a: AssignmentRecord,
  now: Date,
  patch: Partial<AssignmentRecord>,
): AssignmentRecord => ({
  ...a,
  ...patch,
  updatedAt: now.toISOString(),
  version: a.version + 1,
});

/**
 * The agency acknowledges receipt. Returns `undefined` when there is nothing to change (a
 * repeated acknowledgement, or one after the agency already answered): a no-op, not an error.
 */
export function acknowledge(a: AssignmentRecord, now: Date): AssignmentRecord | undefined {
  if (!isOpen(a) && a.state !== 'completed') {
    throw invalidTransition(`an assignment that is ${a.state} cannot be acknowledged`);
  }
  if (a.state !== 'pending') return undefined;
  return touch(a, now, {
    state: 'acknowledged',
    met: { ...a.met, acknowledge: now.toISOString() },
  });
}

/**
 * The agency answers: a progress follow-up (→ responded) or the final one (→ completed).
 * An answer also meets the acknowledgement target if that was still open.
 */
export function respond(a: AssignmentRecord, input: ResponseInput, now: Date): AssignmentRecord {
  if (!isOpen(a))
    throw invalidTransition(`an assignment that is ${a.state} takes no more responses`);
  const at = now.toISOString();
  return touch(a, now, {
    state: input.kind === 'final' ? 'completed' : 'responded',
    met: {
      acknowledge: a.met.acknowledge ?? at,
      followUp: a.met.followUp ?? at,
      resolution: input.kind === 'final' ? at : a.met.resolution,
    },
  });
}

/** "Not ours" (bukan wewenang): the agency hands the case back to central with a reason. */
export function redirect(a: AssignmentRecord, input: RedirectInput, now: Date): AssignmentRecord {
  if (!isOpen(a)) throw invalidTransition(`an assignment that is ${a.state} cannot be redirected`);
  return touch(a, now, {
    state: 'redirected',
    redirect: {
      reason: input.reason,
      suggestedAgencyId: input.suggestedAgencyId ?? null,
      at: now.toISOString(),
    },
  });
}

/** Central withdraws an open assignment (e.g. when closing the case). */
export function withdraw(a: AssignmentRecord, now: Date): AssignmentRecord {
  if (!isOpen(a)) throw invalidTransition(`an assignment that is ${a.state} cannot be withdrawn`);
  return touch(a, now, { state: 'withdrawn' });
}

/**
 * Central may forward again to an agency once its previous assignment has ended: redirected,
 * withdrawn, or completed (a complainant who was not satisfied reopens the case).
 */
export const canForwardAgain = (a: AssignmentRecord): boolean => !isOpen(a);
