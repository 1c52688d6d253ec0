/**
 * An assignment: one agency's obligation on a case (penyaluran / disposisi), its queue item.
 * Its three targets each carry a due instant; *overdue* is never stored, it is derived here
 * from the clock at read time.
 */
import type { Adjustment, Pause } from './assignment-clock.ts';
import { mapTargets, type TargetMap, touch, ZERO_DAYS } from './assignment-fields.ts';
import { type Calendar, computeDeadline, type TimeZone } from './calendar.ts';
import type { LadderRecord } from './notification.ts';
import { invalidTransition } from './errors.ts';
import { type ComplaintType, TARGETS, type Target } from './policy.ts';
import type { AssignmentView, RedirectInput, ResponseInput } from './schemas.ts';
import { OPEN_ASSIGNMENT_STATES } from './vocabulary.ts';
import { type Reader, readerSees } from './tenancy.ts';

export type AssignmentState = AssignmentView['state'];

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
  /**
   * On a redirected assignment: central decided it needs no re-forward (another agency settles
   * the complaint), so the case no longer waits for one. Absent until then.
   */
  readonly redirectSettled?: { readonly at: string; readonly reason: string } | null;
  /**
   * When central withdrew it: the statistics read it against the follow-up's due instant
   * (`leftTheSample`; a later change to the ended record moves `updatedAt` on). Absent until
   * then; on records withdrawn before it was kept, until the upgrade (version 3) dates them
   * from their case's timeline, and on one whose timeline has no withdrawal of it.
   */
  readonly withdrawnAt?: string;
  /**
   * Central's close of its case withdrew it, or settled its redirect: its agency's part ends
   * with the close (`partEndedAt`), even when a close of many assignments, interrupted and
   * tried again, closed the case later than it withdrew this one. Absent otherwise, and on
   * records a close ended before it was kept (withdrawn at the close's own instant).
   */
  readonly endedByClose?: true;
  /**
   * Which statistics counters its changes move (stats.ts `counterDeltas`): 2, its
   * acknowledgement too (`acknowledged`, `acknowledgedOnTime`). Absent on one stored by a release
   * before they were counted, whose day's bucket holds none of its acknowledgement, until the
   * upgrade (version 4) counts that and sets it: so each is counted once, never part of a day.
   */
  readonly counted?: typeof COUNTS_ACKNOWLEDGEMENT;
  /** The focal point's member unit working on it (the focal point stays accountable). */
  readonly delegatedTo?: string | null;
  /**
   * When it was last delegated to `delegatedTo` (so the unit's "new since" counts what reached
   * it by delegation, forwarded earlier). Absent on older records and once taken back.
   */
  readonly delegatedAt?: string | null;
  /**
   * When its member unit last gave it back to the coordinator (its "new since" counts it: work
   * that came back to it). Absent on older records and until a unit gives one back.
   */
  readonly returnedAt?: string | null;
  /** The case's complaint type when forwarded (absent on records older than it). */
  readonly complaintType?: ComplaintType;
  /**
   * The case's subject, so a queue reads without a case per row (a restatement of the case's
   * subject rewrites it: `restateCase`).
   */
  readonly subject?: string;
  /** Working days granted per target (the basis of `due`). */
  readonly workingDays: TargetMap<number>;
  readonly due: TargetMap<string>;
  readonly met: TargetMap<string | null>;
  /**
   * The agency whose user confirmed receipt (`met.acknowledge`): its own, its focal point's
   * (a coordinator acting for it) or the member unit's holding it. Absent until acknowledged,
   * and on records acknowledged before it was kept (the timeline's event still names who).
   */
  readonly acknowledgedBy?: string;
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

/** `counted` on every assignment this release writes: its acknowledgement is counted. */
export const COUNTS_ACKNOWLEDGEMENT = 2;

/** States in which the agency still owes something. */
export const OPEN_STATES: readonly AssignmentState[] = OPEN_ASSIGNMENT_STATES;
export const isOpen = (a: Pick<AssignmentRecord, 'state'>): boolean =>
  OPEN_STATES.includes(a.state);
/** States an assignment ends in; each is a list of its own (the open ones share one). */
export const ENDED_STATES = ['completed', 'redirected', 'withdrawn'] as const;

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
      counted: COUNTS_ACKNOWLEDGEMENT,
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

/** The working days a target has in all: the policy's, plus its extensions and pauses. */
export const totalWorkingDays = (a: AssignmentRecord, target: Target): number =>
  a.workingDays[target] +
  (a.added?.extension[target] ?? 0) +
  (a.added?.pause[target] ?? 0) +
  (a.adjustments ?? [])
    .filter((adj) => adj.targets.includes(target))
    .reduce((sum, adj) => sum + adj.workingDays, 0);

/**
 * The assignment with its due instants computed from scratch: each target's working days
 * (policy + adjustments) counted from the forwarding in the agency's zone on `calendar`.
 * Forwarding, extensions, resuming, and calendar or policy edits all come through here. A
 * target met keeps the deadline it was met against: whether it was met on time is history,
 * which a holiday, policy or zone saved later does not rewrite (on the page, in the timeline's
 * moved deadlines or in the statistics).
 */
export function withDeadlines(a: AssignmentRecord, calendar: Calendar): AssignmentRecord {
  const owed = TARGETS.filter((t) => a.met[t] === null);
  const deadlines = mapTargets((t) =>
    computeDeadline(calendar, new Date(clockFrom(a)), totalWorkingDays(a, t), a.timeZone),
  );
  return {
    ...a,
    calendarId: calendar.id,
    due: mapTargets((t) => (a.met[t] === null ? deadlines[t].dueAt.toISOString() : a.due[t])),
    calendarWarnings: owed.flatMap((target) =>
      deadlines[target].uncoveredYears.map((year) => ({
        target,
        year,
        message: `calendar ${calendar.id} has no holidays for ${year}: counted weekends only`,
      })),
    ),
  };
}

/** Whether a target is overdue at `now`: open, not paused, unmet, and past its due instant. */
export const isTargetOverdue = (a: AssignmentRecord, target: Target, now: Date): boolean =>
  isOpen(a) && !a.paused && a.met[target] === null && Date.parse(a.due[target]) < now.getTime();

/** Targets still owed (open assignment, unmet). */
export const openTargets = (a: AssignmentRecord): Target[] =>
  isOpen(a) ? TARGETS.filter((t) => a.met[t] === null) : [];

/**
 * The soonest due instant among unmet targets of an open assignment whose clock runs (queue
 * order, and its case's soonest deadline): a paused one has none running, so it is neither
 * overdue nor due soon in any list, and comes after those with a date.
 */
export function nextDueAt(a: AssignmentRecord): string | null {
  if (!isOpen(a) || a.paused) return null;
  const open = TARGETS.filter((t) => a.met[t] === null).map((t) => a.due[t]);
  return open.length === 0 ? null : open.sort()[0]!;
}

/**
 * An assignment's clock as `reader` reads it. The agency whose date it inherited is the one
 * that said "not ours": an agency keeps that the clock was inherited, not from whom, unless it
 * reads as that agency too (its own redirect, a member unit's).
 */
export function clockAsRead<C extends { readonly inheritedFrom: string | null }>(
  clock: C,
  reader: Reader,
): C {
  return clock.inheritedFrom === null || readerSees(reader, clock.inheritedFrom)
    ? clock
    : { ...clock, inheritedFrom: null };
}

/**
 * The API view: the record plus what is derived from the clock. `escalationLevel` is the rung
 * the ladder's current round reached, while something is still overdue. `reader`: whom it is
 * for (an agency does not read another agency's id in it).
 */
export function viewAssignment(
  a: AssignmentRecord,
  now: Date,
  reader: Reader,
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
    clock: clockAsRead(
      a.clock ?? { basis: 'fresh', from: a.forwardedAt, inheritedFrom: null },
      reader,
    ),
    timeZone: a.timeZone,
    delegatedTo: a.delegatedTo ?? null,
    // A coordinator reads who holds it and since when (kept only while a unit holds it).
    delegatedAt: a.delegatedTo ? (a.delegatedAt ?? null) : null,
    due: a.due,
    met: a.met,
    // Only the assignment's agency, its focal point or a member unit it delegated to can have
    // acknowledged: whoever reads the assignment reads that agency on its timeline's event too.
    acknowledgedBy: a.acknowledgedBy ?? null,
    overdue,
    nextDueAt: nextDueAt(a),
    escalationLevel: climbing ? ladder.level : 0,
    // Central intervention puts the assignment on central's monitoring worklist.
    monitoring: climbing && ladder.rung === 'central_intervention',
    // An assignment that ended while paused (withdrawn before a withdrawal ended its pause)
    // waits for nothing: it reads as not paused.
    paused: a.paused && isOpen(a),
    pausedSince: a.paused ? (a.pauses?.at(-1)?.from ?? null) : null,
    generation: a.generation,
    redirect: a.redirect && { ...a.redirect, settled: a.redirectSettled ?? null },
    calendarWarnings: [...a.calendarWarnings],
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    version: a.version,
  };
}

/**
 * The agency acknowledges receipt, by a user of agency `by` (`acknowledgedBy`). Returns
 * `undefined` when there is nothing to change (a repeated acknowledgement, or one after the
 * agency already answered): a no-op, not an error, and the first acknowledger stays.
 */
export function acknowledge(
  a: AssignmentRecord,
  now: Date,
  by: string,
): AssignmentRecord | undefined {
  if (!isOpen(a) && a.state !== 'completed') {
    throw invalidTransition(`an assignment that is ${a.state} cannot be acknowledged`);
  }
  if (a.state !== 'pending') return undefined;
  return touch(a, now, {
    state: 'acknowledged',
    met: { ...a.met, acknowledge: now.toISOString() },
    acknowledgedBy: by,
  });
}

/**
 * The agency answers: a progress follow-up (→ responded) or the final one (→ completed).
 * An answer also meets the acknowledgement target if that was still open: confirmed by the
 * answering agency `by`, when given.
 */
export function respond(
  a: AssignmentRecord,
  input: ResponseInput,
  now: Date,
  by?: string,
): AssignmentRecord {
  if (!isOpen(a))
    throw invalidTransition(`an assignment that is ${a.state} takes no more responses`);
  const at = now.toISOString();
  return touch(a, now, {
    ...(a.met.acknowledge === null && by !== undefined ? { acknowledgedBy: by } : {}),
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

/**
 * Whether redirect `a` still awaits central's re-forward among its case's assignments `all`
 * (the rule of `awaitingReforward`, case.ts): redirected, not settled, and answered by no
 * forwarding. A forwarding names the redirects it answers (`reforwardOf`), so this never rests
 * on two instants differing: under a frozen clock, or from a script, a redirect and its
 * re-forward share one millisecond. Assignments stored before the link existed (before 859e921)
 * are still ordered by their instants.
 */
export const awaitsReforward = (a: AssignmentRecord, all: readonly AssignmentRecord[]): boolean =>
  a.state === 'redirected' &&
  a.redirect !== null &&
  !a.redirectSettled &&
  !all.some((b) => answersRedirect(b, a));

/** Whether forwarding `b` answered the redirect of `a`. */
export const answersRedirect = (b: AssignmentRecord, a: AssignmentRecord): boolean =>
  b.reforwardOf !== undefined
    ? b.reforwardOf.some((r) => r.agencyId === a.agencyId && r.generation === a.generation)
    : Date.parse(b.forwardedAt) > Date.parse(a.redirect!.at);

/**
 * Central decides a redirect awaiting its re-forward needs none: the agencies that have the case
 * settle it. The assignment stays redirected ("not ours" is what the agency said); the case no
 * longer waits (`awaitingReforward`), so its other agencies' final answers resolve it. `all`:
 * the case's assignments. A redirect a later forwarding answered is refused, stamped
 * `reforwardedAt` or not (one re-forwarded before 3b1ef37 carries no stamp): "no re-forward
 * needed" would be untrue of it.
 */
export function settleRedirect(
  a: AssignmentRecord,
  all: readonly AssignmentRecord[],
  reason: string,
  now: Date,
): AssignmentRecord {
  if (a.reforwardedAt || !awaitsReforward(a, all))
    throw invalidTransition('only a redirect still awaiting its re-forward can be settled');
  return touch(a, now, { redirectSettled: { at: now.toISOString(), reason } });
}

/** Central withdraws an open assignment (e.g. when closing the case). */
export function withdraw(a: AssignmentRecord, now: Date): AssignmentRecord {
  if (!isOpen(a)) throw invalidTransition(`an assignment that is ${a.state} cannot be withdrawn`);
  return touch(a, now, { state: 'withdrawn', withdrawnAt: now.toISOString() });
}

/**
 * Central may forward again to an agency once its previous assignment has ended: redirected,
 * withdrawn, or completed (a complainant who was not satisfied reopens the case).
 */
export const canForwardAgain = (a: AssignmentRecord): boolean => !isOpen(a);
