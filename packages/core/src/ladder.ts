/**
 * The escalation ladder of one assignment, as a pure function of what happened to it.
 *
 * Given the assignment's deadlines, when each target was met, when it ended, and the policy's
 * ladder, `ladderSchedule` replays time from the forwarding and lists every step the ladder
 * takes: warnings before each deadline, then rounds of rungs (reminder I, reminder II, formal
 * warning, central intervention) while something stays overdue. The engine runs the steps
 * whose instant has come, each exactly once by its `id`, and sleeps until the next one. Because
 * the schedule is recomputed from the record each time, an extension, a pause or a holiday
 * change re-arms the ladder by itself: a round that starts at a new deadline has a new id.
 *
 * Rules (DOMAIN.md): a rung fires only if some target is overdue at its instant, and names
 * every target overdue then; a target missed while a round climbs joins it; once nothing is
 * overdue the round ends, and a target missed later starts a new round at the first rung.
 */
import type { AssignmentRecord } from './assignment.ts';
import { type Calendar, endOfLocalDay, localDate, shiftWorkingDays } from './calendar.ts';
import { type LadderStep, TARGETS, type Target } from './policy.ts';

export interface LadderEvent {
  /** The step's identity, the key of its exactly-once marker. */
  readonly id: string;
  readonly step: string;
  readonly action: LadderStep['action'];
  readonly at: string;
  /** Warned targets, or every target overdue at a rung's instant (deadline order). */
  readonly targets: readonly Target[];
  /** 0 for warnings; the rung's position (1 = first rung) otherwise. */
  readonly level: number;
  /** The instant the round started (its first missed deadline passed); null for warnings. */
  readonly round: string | null;
}

type LadderInput = Pick<
  AssignmentRecord,
  'forwardedAt' | 'due' | 'met' | 'timeZone' | 'state' | 'redirect' | 'updatedAt' | 'pauses'
>;

const ms = (iso: string) => Date.parse(iso);
const iso = (t: number) => new Date(t).toISOString();

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

/** Every step of the ladder, in time order (steps after now are provisional). */
export function ladderSchedule(
  a: LadderInput,
  steps: readonly LadderStep[],
  calendar: Calendar,
): LadderEvent[] {
  const start = ms(a.forwardedAt);
  const end = endedAt(a);
  const due = (t: Target) => ms(a.due[t]);
  const unmetAt = (t: Target, at: number) => a.met[t] === null || ms(a.met[t]!) > at;
  // While the clock is paused nothing is overdue and no letter goes out.
  const pauses = (a.pauses ?? []).map((p) => ({
    from: ms(p.from),
    to: p.to ? ms(p.to) : Number.POSITIVE_INFINITY,
  }));
  const pausedAt = (at: number) => pauses.some((p) => p.from <= at && at < p.to);
  const overdueAt = (at: number): Target[] =>
    at >= end || pausedAt(at)
      ? []
      : TARGETS.filter((t) => due(t) < at && unmetAt(t, at)).sort((x, y) => due(x) - due(y));
  /** The instant just after the end of the working day `offset` working days from `from`'s day. */
  const stepInstant = (from: number, offset: number) =>
    endOfLocalDay(
      shiftWorkingDays(calendar, localDate(new Date(from), a.timeZone), offset),
      a.timeZone,
    ).getTime() + 1;

  const events: LadderEvent[] = [];

  // Warnings: one letter per warning step and instant, naming the targets it warns about.
  for (const w of steps.filter((s) => s.action === 'warning')) {
    const byInstant = new Map<number, Target[]>();
    for (const t of TARGETS) {
      const at = stepInstant(due(t), w.offsetWorkingDays);
      if (at > start && at < end && at <= due(t) && unmetAt(t, at) && !pausedAt(at))
        byInstant.set(at, [...(byInstant.get(at) ?? []), t]);
    }
    for (const [at, targets] of byInstant) {
      events.push({
        id: `${w.name}@${iso(at)}`,
        step: w.name,
        action: w.action,
        at: iso(at),
        targets,
        level: 0,
        round: null,
      });
    }
  }

  // Rounds of rungs.
  const rungs = steps.filter((s) => s.action !== 'warning');
  const changePoints = [
    ...TARGETS.flatMap((t) => [due(t) + 1, ...(a.met[t] ? [ms(a.met[t]!)] : [])]),
    ...pauses.flatMap((p) => [p.from, p.to]),
    end,
  ]
    .filter(Number.isFinite)
    .sort((x, y) => x - y);
  /** The first instant in (from, to] at which nothing is overdue, if any. */
  const caughtUp = (from: number, to: number) =>
    changePoints.find((c) => c > from && c <= to && overdueAt(c).length === 0);

  let cursor = start;
  for (let guard = 0; guard < 20; guard += 1) {
    // The next round starts when a deadline passes with its target unmet.
    // (or when the clock resumes with a target still overdue)
    const roundStart = [...TARGETS.map((t) => due(t) + 1), ...pauses.map((p) => p.to)]
      .filter((at) => at > cursor && overdueAt(at).length > 0)
      .sort((x, y) => x - y)[0];
    if (roundStart === undefined) break;
    let previous = roundStart - 1; // the missed deadline: the end of a working day
    let ended: number | undefined;
    for (const [i, rung] of rungs.entries()) {
      const at = stepInstant(previous, rung.offsetWorkingDays);
      const clear = caughtUp(i === 0 ? roundStart - 1 : previous + 1, at);
      if (clear !== undefined) {
        ended = clear;
        break;
      }
      events.push({
        id: `${rung.name}@${iso(roundStart)}`,
        step: rung.name,
        action: rung.action,
        at: iso(at),
        targets: overdueAt(at),
        level: i + 1,
        round: iso(roundStart),
      });
      previous = at - 1;
    }
    // After the top rung the round stays open until the agency catches up (or never does).
    ended ??= caughtUp(previous + 1, Number.POSITIVE_INFINITY);
    if (ended === undefined) break;
    cursor = ended;
  }
  return events.sort((x, y) => ms(x.at) - ms(y.at) || x.level - y.level);
}

/** The steps due by `now` and the instant of the next one, if any. */
export function ladderDue(
  events: readonly LadderEvent[],
  now: Date,
): { due: LadderEvent[]; next: string | null } {
  const t = now.getTime();
  const due = events.filter((e) => ms(e.at) <= t);
  const next = events.find((e) => ms(e.at) > t);
  return { due, next: next?.at ?? null };
}

/** The last rung taken by `now` (of the current or an earlier round), if any. */
export function rungAt(events: readonly LadderEvent[], now: Date): LadderEvent | undefined {
  return events.filter((e) => e.level > 0 && ms(e.at) <= now.getTime()).at(-1);
}
