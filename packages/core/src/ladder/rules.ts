/**
 * The escalation ladder of one assignment: every rule of it, in one place.
 *
 * An assignment's *overdue episode* runs from the first deadline it misses until nothing of it
 * is overdue. Within one episode each rung (reminder I, reminder II, formal warning, central
 * intervention) is written at most once: the episode's number and the rung reached are kept on
 * the ladder record, so whatever re-arms the ladder meanwhile (an extension approved late, a
 * pause and resume, a holiday, a policy edit, a restart) continues from the rung reached. When
 * a re-arm or an answer leaves nothing overdue the episode ends; a later miss starts a new
 * episode at the first rung.
 *
 * A letter is true when it is written: a rung names the targets overdue at that moment, a
 * warning is never written after the deadline it warns about, and the letter is dated when it
 * is written. A ladder that wakes late (a long jump of the manual clock, an outage on AWS)
 * writes the one rung that is due, counts the next rung's delay from that day, and records
 * what is no longer true as skipped (`escalation_skipped`, with why).
 *
 * The functions are pure: `observe` (what happened since the ladder last looked), `advance`
 * (what to write now and when to wake), `projectLadder` (the steps still to come),
 * and, in state.ts, the ladder record read and written (`ladderState`, `armLadder`,
 * `rearmLadder`, `nextLadderRecord`). The Tick handler, the service and the sweep all go
 * through them.
 */
import { type AssignmentRecord, isOpen } from '../assignment.ts';
import {
  type Calendar,
  endOfLocalDay,
  localDate,
  shiftWorkingDays,
  startOfLocalDay,
  pausedWorkingDays,
  type TimeZone,
} from '../calendar.ts';
import { type LadderStep, TARGETS, type Target } from '../policy.ts';

/** The overdue episode a ladder is in. Instants are ISO strings, as stored. */
export interface Episode {
  /** 1 for the assignment's first episode, then 2, … (the rungs' exactly-once key). */
  readonly n: number;
  readonly startedAt: string;
  /** The missed deadline the episode counts from (moved on by the working days it was paused). */
  readonly missedAt: string;
  /** The position in the ladder of the last rung written in this episode (0: none yet). */
  readonly level: number;
  /**
   * The rungs written in this episode, by name: a rung's exactly-once key is its name, so an
   * admin's edit of the steps (a rung added, removed or moved) never brings one back. Absent
   * on records older than it, which go by `level` alone.
   */
  readonly written?: readonly string[];
  /** The instant the next rung counted from the previous one counts from. */
  readonly baseAt: string;
  /** Paused since then: the rungs' delays stand still. */
  readonly parkedAt: string | null;
}

/** What a ladder remembers between runs (kept on its record). */
export interface LadderState {
  readonly episode: Episode | null;
  /** Episodes started so far, over every generation of the assignment. */
  readonly episodes: number;
  /** When the last episode ended: a new one never starts before it. */
  readonly endedAt: string | null;
  /**
   * Per warning step, the deadlines each target was warned (or skipped) about: a deadline moved
   * and moved back (a holiday added, then removed) is not warned about twice. The latest
   * `MAX_WARNED` are kept; older records hold the last one alone, as a string.
   */
  readonly warned: Readonly<Record<string, Partial<Record<Target, string | readonly string[]>>>>;
  /** The last instant the ladder was looked at: the deadlines have not changed since. */
  readonly observedAt: string | null;
}

/** A letter the ladder writes now (or, in a projection, will write). */
export interface LadderLetter {
  /** The step's exactly-once key: `reminder_1#3` (a rung of episode 3), `warning:acknowledge@…`. */
  readonly id: string;
  readonly step: string;
  readonly action: LadderStep['action'];
  /** When it is written: the letter's date. */
  readonly at: string;
  /** When the policy made it due (the same as `at` when the engine is on time). */
  readonly scheduledAt: string;
  /** The warned targets, or the targets overdue when it is written (deadline order). */
  readonly targets: readonly Target[];
  /** 0 for warnings; the rung's position in its episode (1 = first rung) otherwise. */
  readonly level: number;
  /** The episode of a rung; null for warnings. */
  readonly episode: number | null;
}

export const SKIP_REASONS = ['target_met', 'deadline_passed', 'caught_up', 'ended'] as const;

/** A step that came due but was not written because it was no longer true. */
export interface SkippedStep {
  readonly step: string;
  readonly action: LadderStep['action'];
  readonly scheduledAt: string;
  readonly targets: readonly Target[];
  readonly reason: (typeof SKIP_REASONS)[number];
  readonly episode: number | null;
}

export type LadderInput = Pick<
  AssignmentRecord,
  'forwardedAt' | 'due' | 'met' | 'timeZone' | 'state' | 'redirect' | 'updatedAt' | 'paused'
>;

export interface LadderContext {
  readonly assignment: LadderInput;
  readonly steps: readonly LadderStep[];
  readonly calendar: Calendar;
  readonly now: Date;
}

export interface LadderPlan {
  readonly state: LadderState;
  readonly letters: LadderLetter[];
  readonly skipped: SkippedStep[];
  /** When to look again (null: nothing can happen until something re-arms the ladder). */
  readonly wakeAt: string | null;
}

const ms = (iso: string) => Date.parse(iso);
const iso = (t: number) => new Date(t).toISOString();

export const INITIAL_LADDER_STATE: LadderState = {
  episode: null,
  episodes: 0,
  endedAt: null,
  warned: {},
  observedAt: null,
};

/** When the agency stopped owing anything (completed, redirected, withdrawn), if it has. */
export function endedAt(a: LadderInput): number {
  switch (a.state) {
    case 'completed':
      return ms(a.met.resolution ?? a.updatedAt);
    case 'redirected':
      return ms(a.redirect?.at ?? a.updatedAt);
    case 'withdrawn':
      return ms(a.updatedAt);
    default:
      return Number.POSITIVE_INFINITY;
  }
}

/** The targets overdue at `at` (deadline order), by the assignment's current deadlines. */
export function overdueAt(a: LadderInput, at: number): Target[] {
  if (at >= endedAt(a)) return [];
  return TARGETS.filter((t) => ms(a.due[t]) < at && (a.met[t] === null || ms(a.met[t]!) > at)).sort(
    (x, y) => ms(a.due[x]) - ms(a.due[y]),
  );
}

export const rungsOf = (steps: readonly LadderStep[]) =>
  steps.filter((s) => s.action !== 'warning');
const warningsOf = (steps: readonly LadderStep[]) => steps.filter((s) => s.action === 'warning');

/** The instant just after the end of the working day `offset` working days from `from`'s day. */
function stepInstant(
  ctx: Pick<LadderContext, 'calendar'> & { readonly assignment: Pick<LadderInput, 'timeZone'> },
  from: number,
  offset: number,
): number {
  const { calendar, assignment: a } = ctx;
  return (
    endOfLocalDay(
      shiftWorkingDays(calendar, localDate(new Date(from), a.timeZone), offset),
      a.timeZone,
    ).getTime() + 1
  );
}

/** What a ladder's warnings are decided by, the clock aside. */
export type WarningContext = Pick<LadderContext, 'assignment' | 'steps' | 'calendar'>;

/**
 * What a ladder record written before episodes (1e6f0f2: no `state`) warned about, in today's
 * terms: per warning step, each target whose warning instant (under the deadlines in force)
 * came by `lastStepAt` counted as warned about its deadline. The older engine took every step
 * due, in time order, and moved `lastStepAt` on with each, warnings included, so such a warning
 * was written (or never owed: its target met first). It was keyed `warning@<instant>`, not
 * `warning:<target>@<due>`, so nothing else keeps it from being written a second time.
 */
export function warnedBy(ctx: WarningContext, lastStepAt: string): LadderState['warned'] {
  const { assignment: a } = ctx;
  const warned: Record<string, Partial<Record<Target, readonly string[]>>> = {};
  for (const w of warningsOf(ctx.steps)) {
    const marks: Partial<Record<Target, readonly string[]>> = {};
    for (const target of TARGETS) {
      const at = stepInstant(ctx, ms(a.due[target]), w.offsetWorkingDays);
      if (at > ms(a.forwardedAt) && at <= ms(lastStepAt)) marks[target] = [a.due[target]];
    }
    if (Object.keys(marks).length > 0) warned[w.name] = marks;
  }
  return warned;
}

/** Deadlines kept per target and warning step: more than an assignment's edits ever move one. */
const MAX_WARNED = 20;

const wasWarned = (mark: string | readonly string[] | undefined, due: string): boolean =>
  typeof mark === 'string' ? mark === due : (mark?.includes(due) ?? false);

const warnedToo = (mark: string | readonly string[] | undefined, due: string): string[] =>
  [...(typeof mark === 'string' ? [mark] : (mark ?? [])).filter((d) => d !== due), due].slice(
    -MAX_WARNED,
  );

/**
 * The position of the episode's next rung in the ladder as it is now: after every rung the
 * episode wrote, wherever an edit of the steps has put them; the first if the edit took them
 * all out (older records, which name none: after `level`).
 */
function nextRungIndex(steps: readonly LadderStep[], ep: Episode): number {
  const rungs = rungsOf(steps);
  const positions = (ep.written ?? [])
    .map((name) => rungs.findIndex((r) => r.name === name))
    .filter((i) => i >= 0);
  if (positions.length > 0) return Math.max(...positions) + 1;
  // Every rung it wrote was taken out of the ladder: from the first of the ladder as it is.
  return ep.written && ep.written.length > 0 ? 0 : ep.level;
}

/**
 * What the next rung's delay counts from once a rung due at `dueAt` is written at `writtenAt`:
 * the day it was written (a late one moves the rest on), never before it was due.
 */
const rungBase = (dueAt: number, writtenAt: Date, tz: TimeZone): number =>
  Math.max(dueAt, startOfLocalDay(localDate(writtenAt, tz), tz).getTime()) - 1;

/** What counting a rung's instant reads: the policy's steps, the agency's calendar and zone. */
type RungContext = Pick<LadderContext, 'calendar' | 'steps'> & {
  readonly assignment: Pick<LadderInput, 'timeZone'>;
};

/** The ladder as it stands when a letter of it goes: its record's episode (null: none), `now`. */
export interface LadderNow {
  readonly episode: Episode | null;
  readonly now: Date;
}

/**
 * The rung after `letter` in its episode and when it comes, counted as `advance` counts it, if
 * one follows and counts from it (`relativeTo: 'previous'`): what a letter tells its reader
 * comes next, and by when to act. Given the ladder as it stands (`ladder`) and the letter the
 * last rung its episode wrote, from the episode itself (`nextRungAt`): a pause and resume while
 * the letter waited moved it on by the working days paused, and a pause still running is
 * counted as if the clock ran again at `ladder.now` (the earliest the rung can come; the rest
 * of the pause moves it on, as a pause after any letter does). Otherwise (the letter being
 * written, its episode gone on or ended) from the letter's own instants, as `advance` counted
 * the episode on when it wrote it. Undefined after the last rung, or before one counted from
 * the missed deadline.
 */
export function rungAfter(
  ctx: RungContext,
  letter: Pick<LadderLetter, 'step' | 'scheduledAt' | 'at' | 'episode'>,
  ladder?: LadderNow,
): { readonly step: LadderStep; readonly at: number } | undefined {
  const rungs = rungsOf(ctx.steps);
  const at = rungs.findIndex((r) => r.name === letter.step);
  const next = at < 0 ? undefined : rungs[at + 1];
  if (!next || next.relativeTo !== 'previous') return undefined;
  const ep = ladder?.episode;
  if (ladder && ep && ep.n === letter.episode && nextRungIndex(ctx.steps, ep) === at + 1)
    return { step: next, at: nextRungAt(ctx, resumedAt(ctx, ep, ladder.now))! };
  const base = rungBase(ms(letter.scheduledAt), new Date(letter.at), ctx.assignment.timeZone);
  return { step: next, at: stepInstant(ctx, base, next.offsetWorkingDays) };
}

/**
 * The episode as the ladder counts it once the clock runs again at `now`: parked, its rungs
 * moved on by the working days it was paused, as the clock's pause counts them (`resume`: paused
 * time, in whole working days); running, as it is.
 */
function resumedAt(ctx: RungContext, ep: Episode, now: Date): Episode {
  if (ep.parkedAt === null) return ep;
  const days = pausedWorkingDays(ctx.calendar, new Date(ep.parkedAt), now, ctx.assignment.timeZone);
  return {
    ...ep,
    missedAt: shiftDay(ctx, ep.missedAt, days),
    baseAt: shiftDay(ctx, ep.baseAt, days),
    parkedAt: null,
  };
}

/** When the episode's next rung is due, if it has one left. */
function nextRungAt(ctx: RungContext, ep: Episode): number | undefined {
  const rung = rungsOf(ctx.steps)[nextRungIndex(ctx.steps, ep)];
  if (!rung) return undefined;
  const from = ep.level === 0 || rung.relativeTo === 'due' ? ep.missedAt : ep.baseAt;
  return stepInstant(ctx, ms(from), rung.offsetWorkingDays);
}

/**
 * The ladder's state read in another zone (an agency's zone corrected, its deadlines re-armed):
 * what it keeps are ends of local days, which read in the new zone would fall on another local
 * day or hour (a WIB end of day is 01:59 the next day in WIT). Each is moved to the end of the
 * same local date there: the open episode's anchors, or every later rung would come a working
 * day late; and the deadlines each warning step has warned about, or a deadline warned about
 * already (its end in WIB) would be warned about again as another (its end in WIT).
 */
export function inZone(state: LadderState, from: TimeZone, to: TimeZone): LadderState {
  if (from === to) return state;
  const moved = (at: string) => endOfLocalDay(localDate(new Date(at), from), to).toISOString();
  const ep = state.episode;
  const warned = Object.fromEntries(
    Object.entries(state.warned).map(([step, marks]) => [
      step,
      Object.fromEntries(
        Object.entries(marks).map(([target, mark]) => [
          target,
          typeof mark === 'string' ? moved(mark) : mark?.map(moved),
        ]),
      ),
    ]),
  );
  return {
    ...state,
    warned,
    episode: ep && { ...ep, missedAt: moved(ep.missedAt), baseAt: moved(ep.baseAt) },
  };
}

/** An end-of-day instant moved on by `days` working days. */
function shiftDay(ctx: RungContext, at: string, days: number): string {
  const { calendar, assignment: a } = ctx;
  return endOfLocalDay(
    shiftWorkingDays(calendar, localDate(new Date(at), a.timeZone), days),
    a.timeZone,
  ).toISOString();
}

/** Ends the open episode at `at`, recording its next rung as skipped if it was due by then. */
function endEpisode(
  ctx: LadderContext,
  s: LadderState,
  at: number,
  reason: SkippedStep['reason'],
  skipped: SkippedStep[],
): LadderState {
  const ep = s.episode!;
  const dueAt = nextRungAt(ctx, ep);
  if (dueAt !== undefined && dueAt <= at) {
    const rung = rungsOf(ctx.steps)[nextRungIndex(ctx.steps, ep)]!;
    skipped.push({
      step: rung.name,
      action: rung.action,
      scheduledAt: iso(dueAt),
      targets: [],
      reason,
      episode: ep.n,
    });
  }
  return { ...s, episode: null, endedAt: iso(at) };
}

/**
 * What happened since the ladder last looked, under the deadlines in force since then: the
 * episode ends at the first moment nothing was overdue (an answer, an end, or `now`), parks
 * while the clock is paused and moves its rungs on by the paused working days when it runs
 * again, and a new episode starts when something is overdue now.
 */
export function observe(
  state: LadderState,
  ctx: LadderContext,
): { state: LadderState; skipped: SkippedStep[] } {
  const { assignment: a, now } = ctx;
  const t = now.getTime();
  const skipped: SkippedStep[] = [];
  let s = state;
  const from = s.observedAt ? ms(s.observedAt) : ms(a.forwardedAt);
  if (s.episode) {
    const end = endedAt(a);
    if (end <= t) {
      s = endEpisode(ctx, s, Math.max(end, from), 'ended', skipped);
    } else if (a.paused) {
      if (s.episode.parkedAt === null) s = { ...s, episode: { ...s.episode, parkedAt: iso(t) } };
    } else {
      // Parked until now: its rungs move on by the working days it was paused.
      s = { ...s, episode: resumedAt(ctx, s.episode, now) };
      const points = [
        ...TARGETS.map((x) => a.met[x])
          .filter((m): m is string => m !== null)
          .map(ms)
          // An answer in the very instant the ladder last looked counts too (a frozen clock,
          // a script): the decision never hangs on two instants differing.
          .filter((m) => m >= from && m <= t),
        t,
      ].sort((x, y) => x - y);
      const clear = points.find((c) => overdueAt(a, c).length === 0);
      if (clear !== undefined) s = endEpisode(ctx, s, clear, 'caught_up', skipped);
    }
  }
  if (!s.episode && isOpen(a) && !a.paused) {
    const overdue = overdueAt(a, t);
    if (overdue.length > 0) {
      const missed = ms(a.due[overdue[0]!]);
      const startedAt = Math.max(missed + 1, s.endedAt ? ms(s.endedAt) : 0);
      s = {
        ...s,
        episodes: s.episodes + 1,
        episode: {
          n: s.episodes + 1,
          startedAt: iso(startedAt),
          missedAt: iso(missed),
          level: 0,
          baseAt: iso(missed),
          parkedAt: null,
        },
      };
    }
  }
  return { state: { ...s, observedAt: iso(Math.max(t, from)) }, skipped };
}

/**
 * Everything the ladder does now: observe, then the warnings and the rung due, each letter
 * true at this moment, and when to wake next.
 */
export function advance(state: LadderState, ctx: LadderContext): LadderPlan {
  const { assignment: a, now } = ctx;
  const t = now.getTime();
  const observed = observe(state, ctx);
  const skipped = [...observed.skipped];
  const letters: LadderLetter[] = [];
  let s = observed.state;
  const running = isOpen(a) && !a.paused && endedAt(a) > t;

  if (running) {
    const warned = { ...s.warned };
    for (const w of warningsOf(ctx.steps)) {
      const marks = { ...warned[w.name] };
      const write: Target[] = [];
      let scheduled = Number.POSITIVE_INFINITY;
      for (const target of TARGETS) {
        const due = ms(a.due[target]);
        const at = stepInstant(ctx, due, w.offsetWorkingDays);
        const met = a.met[target];
        if (wasWarned(marks[target], a.due[target]) || at <= ms(a.forwardedAt) || at > t) continue;
        if (met !== null && ms(met) <= at) continue; // met before it was due: nothing to warn of
        marks[target] = warnedToo(marks[target], a.due[target]);
        const reason = met !== null ? 'target_met' : t > due ? 'deadline_passed' : undefined;
        if (reason) {
          skipped.push({
            step: w.name,
            action: w.action,
            scheduledAt: iso(at),
            targets: [target],
            reason,
            episode: null,
          });
        } else {
          write.push(target);
          scheduled = Math.min(scheduled, at);
        }
      }
      warned[w.name] = marks;
      if (write.length > 0) {
        letters.push({
          id: `${w.name}:${write.map((x) => `${x}@${a.due[x]}`).join('+')}`,
          step: w.name,
          action: w.action,
          at: iso(t),
          scheduledAt: iso(scheduled),
          targets: write,
          level: 0,
          episode: null,
        });
      }
    }
    s = { ...s, warned };

    const rungs = rungsOf(ctx.steps);
    for (
      let dueAt = s.episode && nextRungAt(ctx, s.episode);
      dueAt !== undefined && dueAt !== null && dueAt <= t;
    ) {
      const ep = s.episode!;
      const index = nextRungIndex(ctx.steps, ep);
      const rung = rungs[index]!;
      letters.push({
        id: `${rung.name}#${ep.n}`,
        step: rung.name,
        action: rung.action,
        at: iso(t),
        scheduledAt: iso(dueAt),
        targets: overdueAt(a, t),
        level: index + 1,
        episode: ep.n,
      });
      // The next rung's delay counts from the day this one was written (a late one moves it on).
      const base = rungBase(dueAt, now, a.timeZone);
      const written = [...(ep.written ?? []), rung.name];
      s = { ...s, episode: { ...ep, level: index + 1, written, baseAt: iso(base) } };
      dueAt = nextRungAt(ctx, s.episode!);
    }
  }
  letters.sort((x, y) => ms(x.scheduledAt) - ms(y.scheduledAt) || x.level - y.level);
  return { state: s, letters, skipped, wakeAt: running ? nextWake(ctx, s) : null };
}

/** The next instant something can happen without anyone acting. */
function nextWake(ctx: LadderContext, s: LadderState): string | null {
  const { assignment: a, now } = ctx;
  const t = now.getTime();
  const candidates: number[] = [];
  for (const w of warningsOf(ctx.steps)) {
    for (const target of TARGETS) {
      if (a.met[target] !== null || wasWarned(s.warned[w.name]?.[target], a.due[target])) continue;
      const at = stepInstant(ctx, ms(a.due[target]), w.offsetWorkingDays);
      if (at > t && at > ms(a.forwardedAt)) candidates.push(at);
    }
  }
  if (s.episode) {
    // Mid-episode only its next rung: an answer that ends the episode re-arms the ladder
    // (the service's `changeAssignment`), so a deadline passing before that rung still
    // starts its own episode on time.
    const at = nextRungAt(ctx, s.episode);
    if (at !== undefined) candidates.push(Math.max(at, t + 1));
  } else {
    // A deadline that passes unmet starts an episode.
    for (const target of TARGETS) {
      const at = ms(a.due[target]) + 1;
      if (a.met[target] === null && at > t) candidates.push(at);
    }
  }
  return candidates.length === 0 ? null : iso(Math.min(...candidates));
}

/**
 * The letters still to come if nobody acts: the ladder run forward from `ctx.now` (letters
 * due now come first; the engine is about to write them).
 */
export function projectLadder(state: LadderState, ctx: LadderContext, limit = 16): LadderLetter[] {
  const out: LadderLetter[] = [];
  let s = state;
  let now = ctx.now;
  for (let i = 0; i < limit; i += 1) {
    const plan = advance(s, { ...ctx, now });
    out.push(...plan.letters.map((l) => ({ ...l, at: l.scheduledAt })));
    if (plan.wakeAt === null) break;
    s = plan.state;
    now = new Date(plan.wakeAt);
  }
  return out;
}
