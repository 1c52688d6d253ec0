/**
 * Response-rate statistics (respons instansi), kept as counters while the data changes so a
 * report costs O(agencies), never a scan. Each assignment counts on the day it was forwarded
 * (WIB, central's calendar), per agency:
 *
 * - `assigned`: forwarded (a re-forward after a redirect is a new assignment);
 * - `redirected`: answered "not ours" (left out of the rates' denominator);
 * - `withdrawn`: taken back by central (withdrawn, or the case closed) before its follow-up
 *   fell due and unanswered (left out of the denominator too: the agency could not yet have
 *   failed it). One taken back after a missed follow-up stays in, a non-response;
 * - `responded`: a first follow-up came (progress or final);
 * - `respondedOnTime`: it came by the follow-up deadline;
 * - `acknowledged`: the acknowledgement target was met (an acknowledgement, or an answer that
 *   met it), on an assignment in the sample (one that leaves it takes its acknowledgement with
 *   it) whose record counts it (`counted`);
 * - `acknowledgedOnTime`: it was met by the acknowledgement deadline;
 * - `completed`: the final follow-up came;
 * - `h<N>`: first follow-ups that took N working days (paused working days excluded), from
 *   which the median is read.
 */
import { type AssignmentRecord, COUNTS_ACKNOWLEDGEMENT } from './assignment.ts';
import { type Calendar, localDate, workingDaysBetween } from './calendar.ts';

export const STATS_TIME_ZONE = 'Asia/Jakarta' as const;
/** Working days to first response above this are counted together. */
export const MAX_HISTOGRAM_DAYS = 120;

export type CounterDelta = Readonly<Record<string, number>>;

export interface CounterUpdate {
  readonly agencyId: string;
  /**
   * The bucket counted in: the forwarding date (WIB) `YYYY-MM-DD`, or its month `YYYY-MM` (a
   * roll-up, so a report over whole months reads one item per month, not one per day).
   */
  readonly date: string;
  readonly add: CounterDelta;
}

export interface AgencyCounters {
  readonly agencyId: string;
  readonly assigned: number;
  readonly redirected: number;
  /** Withdrawn by central before the follow-up fell due, unanswered (`leftTheSample`). */
  readonly withdrawn: number;
  readonly responded: number;
  readonly respondedOnTime: number;
  /** Acknowledgement target met (in the sample; see `acknowledgement`). */
  readonly acknowledged: number;
  readonly acknowledgedOnTime: number;
  readonly completed: number;
  /** Working days to first response → how many. */
  readonly histogram: ReadonlyMap<number, number>;
}

/**
 * Working days from forwarding to the first response at `at`, less the working days of the
 * pauses that ended before it. Those are the pauses that moved the follow-up deadline (it was
 * still open when they ended): told by the record, not by comparing instants, which a frozen
 * clock or a script makes equal (answer while paused, then resume, in one millisecond). They
 * are the clock entries' pause days added to the follow-up, plus, on a record stored before
 * clock entries, the pause adjustments in its array that name the follow-up.
 */
export function workingDaysToRespond(a: AssignmentRecord, at: Date, calendar: Calendar): number {
  const paused =
    (a.added?.pause.followUp ?? 0) +
    (a.adjustments ?? [])
      .filter((x) => x.kind === 'pause' && x.targets.includes('followUp'))
      .reduce((sum, x) => sum + x.workingDays, 0);
  return Math.max(
    0,
    workingDaysBetween(calendar, new Date(a.forwardedAt), at, a.timeZone) - paused,
  );
}

/**
 * Whether a withdrawn assignment is out of its agency's sample: central took it back
 * (`withdrawAssignment`, or `closeCase` withdrawing the open ones) before its follow-up fell
 * due, and no follow-up had come. The agency could not have failed it yet, as with "not ours".
 * Taken back after the follow-up was missed, it stays in the sample: a non-response. A record
 * withdrawn before `withdrawnAt` was kept stays in it too until the upgrade dates it from its
 * case's timeline (`datedWithdrawal`): its `updatedAt` is no withdrawal instant (a later
 * take-back moves it on).
 */
export function leftTheSample(a: AssignmentRecord): boolean {
  return (
    a.state === 'withdrawn' &&
    a.met.followUp === null &&
    a.withdrawnAt !== undefined &&
    Date.parse(a.withdrawnAt) <= Date.parse(a.due.followUp)
  );
}

/** Out of its agency's sample: "not ours" unanswered, or withdrawn before it could be failed. */
const outOfSample = (a: AssignmentRecord): boolean =>
  (a.state === 'redirected' && a.met.followUp === null) || leftTheSample(a);

/**
 * What an assignment holds in `acknowledged` and `acknowledgedOnTime`: its acknowledgement
 * target met, on a record whose counters include it (`counted`), while it is in the sample (so
 * the rate over the sample never passes 100 %). A change moves the difference between its
 * record before and after: counted on the change that met the target, taken back on the one
 * that took the assignment out of the sample.
 */
function acknowledgement(a: AssignmentRecord | undefined): Record<string, number> {
  if (
    a === undefined ||
    a.counted !== COUNTS_ACKNOWLEDGEMENT ||
    a.met.acknowledge === null ||
    outOfSample(a)
  )
    return {};
  return Date.parse(a.met.acknowledge) <= Date.parse(a.due.acknowledge)
    ? { acknowledged: 1, acknowledgedOnTime: 1 }
    : { acknowledged: 1 };
}

/** `after − before`, key by key, the keys that moved only. */
function difference(
  after: Record<string, number>,
  before: Record<string, number>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of new Set([...Object.keys(after), ...Object.keys(before)])) {
    const d = (after[k] ?? 0) - (before[k] ?? 0);
    if (d !== 0) out[k] = d;
  }
  return out;
}

/** The counters an assignment change moves (empty when none). */
export function counterDeltas(
  before: AssignmentRecord | undefined,
  after: AssignmentRecord,
  calendar: Calendar | undefined,
): CounterUpdate[] {
  const add: Record<string, number> = {};
  const fresh = !before || before.generation !== after.generation;
  if (fresh) add.assigned = 1;
  const was = fresh ? undefined : before;
  // "Not ours" instead of an answer: out of the agency's sample. One that answered first stays
  // in it, answered (so the rate, responded / (assigned − redirected), never passes 100 %).
  if (after.state === 'redirected' && was?.state !== 'redirected' && after.met.followUp === null)
    add.redirected = 1;
  // Withdrawn by central before it could be failed: out of the sample, once, on the change that
  // withdrew it (a later change to the ended record, or its next generation, adds nothing).
  if (was !== undefined && was.state !== 'withdrawn' && leftTheSample(after)) add.withdrawn = 1;
  if (after.met.followUp !== null && (was?.met.followUp ?? null) === null) {
    const at = new Date(after.met.followUp);
    add.responded = 1;
    if (at.getTime() <= Date.parse(after.due.followUp)) add.respondedOnTime = 1;
    if (!calendar) throw new Error('a first response needs the calendar to count its working days');
    add[`h${Math.min(workingDaysToRespond(after, at, calendar), MAX_HISTOGRAM_DAYS)}`] = 1;
  }
  if (after.state === 'completed' && was?.state !== 'completed') add.completed = 1;
  Object.assign(add, difference(acknowledgement(after), acknowledgement(was)));
  return inBuckets(after, add);
}

/**
 * The counters the upgrade moves when it brings an assignment an older release stored up to
 * date (`before` as stored, `after` as it writes it), one update per bucket:
 * - a withdrawal stored before `withdrawnAt` was kept, dated from its timeline: `withdrawn`
 *   once, if it then left the sample (the release that withdrew it counted none);
 * - a record stored before `counted`: its acknowledgement (`acknowledgement`), which the
 *   release that met it counted nowhere.
 * Written with the record, under its version, they are counted once however often it runs.
 */
export function upgradeCounters(
  before: AssignmentRecord,
  after: AssignmentRecord,
): CounterUpdate[] {
  return inBuckets(after, {
    ...(before.withdrawnAt === undefined && leftTheSample(after) ? { withdrawn: 1 } : {}),
    ...difference(acknowledgement(after), acknowledgement(before)),
  });
}

/** `add` on the assignment's forwarding day (WIB) and its month (none when empty). */
function inBuckets(a: AssignmentRecord, add: CounterDelta): CounterUpdate[] {
  if (Object.keys(add).length === 0) return [];
  const date = localDate(new Date(a.forwardedAt), STATS_TIME_ZONE);
  return [
    { agencyId: a.agencyId, date, add },
    { agencyId: a.agencyId, date: date.slice(0, 7), add },
  ];
}

const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(y!, m!, 0)).getUTCDate()).padStart(2, '0')}`;
};
const shiftMonth = (month: string, by: 1 | -1) => {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y!, m! - 1 + by, 1));
  return d.toISOString().slice(0, 7);
};

/**
 * The counter buckets that cover from–to exactly: days for the partial months at either end,
 * months for the whole months between. At most two day ranges and one month range, whatever
 * the period's length or the volume.
 */
export function counterRanges(from: string, to: string): { from: string; to: string }[] {
  const fromMonth = from.slice(0, 7);
  const toMonth = to.slice(0, 7);
  const wholeFrom = from.endsWith('-01') ? fromMonth : shiftMonth(fromMonth, 1);
  const wholeTo = to === lastDay(toMonth) ? toMonth : shiftMonth(toMonth, -1);
  if (wholeFrom > wholeTo) {
    // No whole month inside: days only (one range, or two across a month boundary).
    return fromMonth === toMonth
      ? [{ from, to }]
      : [
          { from, to: lastDay(fromMonth) },
          { from: `${toMonth}-01`, to },
        ];
  }
  return [
    ...(wholeFrom !== fromMonth ? [{ from, to: lastDay(fromMonth) }] : []),
    { from: wholeFrom, to: wholeTo },
    ...(wholeTo !== toMonth ? [{ from: `${toMonth}-01`, to }] : []),
  ];
}

/** The median of a histogram of whole working days (the lower middle for an even count). */
export function medianOf(histogram: ReadonlyMap<number, number>): number | null {
  const total = [...histogram.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const middle = Math.ceil(total / 2);
  let seen = 0;
  for (const days of [...histogram.keys()].sort((a, b) => a - b)) {
    seen += histogram.get(days)!;
    if (seen >= middle) return days;
  }
  return null;
}

export interface AgencyStats extends Omit<AgencyCounters, 'histogram'> {
  /** responded / (assigned − redirected − withdrawn), 0–1; null when nothing counts. */
  readonly responseRate: number | null;
  readonly onTimeRate: number | null;
  /** acknowledgedOnTime over the same sample. */
  readonly acknowledgeOnTimeRate: number | null;
  readonly medianWorkingDaysToFirstResponse: number | null;
  readonly belowMinimumSample: boolean;
  /**
   * 1 = best response rate (then on-time rate; equal rates share a rank); null when below the
   * minimum sample, or when fewer than two agencies reach it (nothing to be ranked against).
   */
  readonly rank: number | null;
}

const rate = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;

export function statsOf(c: AgencyCounters, minimumSample: number): Omit<AgencyStats, 'rank'> {
  // The sample: what was handed back ("not ours") or taken back in time is not in it.
  const base = c.assigned - c.redirected - c.withdrawn;
  return {
    agencyId: c.agencyId,
    assigned: c.assigned,
    redirected: c.redirected,
    withdrawn: c.withdrawn,
    responded: c.responded,
    respondedOnTime: c.respondedOnTime,
    acknowledged: c.acknowledged,
    acknowledgedOnTime: c.acknowledgedOnTime,
    completed: c.completed,
    responseRate: rate(c.responded, base),
    onTimeRate: rate(c.respondedOnTime, base),
    acknowledgeOnTimeRate: rate(c.acknowledgedOnTime, base),
    medianWorkingDaysToFirstResponse: medianOf(c.histogram),
    // The sample is what the rates are over.
    belowMinimumSample: base < minimumSample,
  };
}

/**
 * Ranks among the agencies that reach the minimum sample: 1 the best response rate, equal ones
 * by the on-time rate, equal on both sharing a rank (1, 1, 3), as the ranking is defined by
 * those rates alone. None when fewer than two reach it: "Peringkat 1" says best of several, and
 * the one agency with enough cases, at 0 % answered, is best of none.
 */
function ranksOf(items: readonly Omit<AgencyStats, 'rank'>[]): Map<string, number> {
  const ranked = items
    .filter((s) => !s.belowMinimumSample && s.responseRate !== null)
    .sort((a, b) => b.responseRate! - a.responseRate! || (b.onTimeRate ?? 0) - (a.onTimeRate ?? 0));
  if (ranked.length < 2) return new Map();
  const ranks = new Map<string, number>();
  ranked.forEach((s, i) => {
    const before = ranked[i - 1];
    const tied =
      before !== undefined &&
      before.responseRate === s.responseRate &&
      (before.onTimeRate ?? 0) === (s.onTimeRate ?? 0);
    ranks.set(s.agencyId, tied ? ranks.get(before.agencyId)! : i + 1);
  });
  return ranks;
}

/** Per-agency figures, ranked (`ranksOf`), and the totals. */
export function agencyReport(counters: readonly AgencyCounters[], minimumSample: number) {
  const items = counters.map((c) => statsOf(c, minimumSample));
  const rankOf = ranksOf(items);
  const histogram = new Map<number, number>();
  for (const c of counters)
    for (const [d, n] of c.histogram) histogram.set(d, (histogram.get(d) ?? 0) + n);
  const sum = (
    k:
      | 'assigned'
      | 'redirected'
      | 'withdrawn'
      | 'responded'
      | 'respondedOnTime'
      | 'acknowledged'
      | 'acknowledgedOnTime'
      | 'completed',
  ) => counters.reduce((t, c) => t + c[k], 0);
  const totals = statsOf(
    {
      agencyId: '*',
      assigned: sum('assigned'),
      redirected: sum('redirected'),
      withdrawn: sum('withdrawn'),
      responded: sum('responded'),
      respondedOnTime: sum('respondedOnTime'),
      acknowledged: sum('acknowledged'),
      acknowledgedOnTime: sum('acknowledgedOnTime'),
      completed: sum('completed'),
      histogram,
    },
    0,
  );
  return {
    items: items.map((s) => ({ ...s, rank: rankOf.get(s.agencyId) ?? null })),
    totals: { ...totals, agencyId: 'all', rank: null },
  };
}

/** Counters from raw assignment records (the check the maintained counters must equal). */
export function countersFromRecords(
  assignments: readonly AssignmentRecord[],
  calendar: Calendar,
  period: { from: string; to: string },
): AgencyCounters[] {
  const byAgency = new Map<
    string,
    {
      assigned: number;
      redirected: number;
      withdrawn: number;
      responded: number;
      respondedOnTime: number;
      acknowledged: number;
      acknowledgedOnTime: number;
      completed: number;
      histogram: Map<number, number>;
    }
  >();
  for (const a of assignments) {
    const date = localDate(new Date(a.forwardedAt), STATS_TIME_ZONE);
    if (date < period.from || date > period.to) continue;
    const c = byAgency.get(a.agencyId) ?? {
      assigned: 0,
      redirected: 0,
      withdrawn: 0,
      responded: 0,
      respondedOnTime: 0,
      acknowledged: 0,
      acknowledgedOnTime: 0,
      completed: 0,
      histogram: new Map(),
    };
    c.assigned += 1;
    if (a.state === 'redirected' && a.met.followUp === null) c.redirected += 1;
    if (leftTheSample(a)) c.withdrawn += 1;
    if (a.met.followUp !== null) {
      c.responded += 1;
      if (Date.parse(a.met.followUp) <= Date.parse(a.due.followUp)) c.respondedOnTime += 1;
      const d = Math.min(
        workingDaysToRespond(a, new Date(a.met.followUp), calendar),
        MAX_HISTOGRAM_DAYS,
      );
      c.histogram.set(d, (c.histogram.get(d) ?? 0) + 1);
    }
    // As the counters hold it: none on a record stored before `counted`, until the upgrade.
    const ack = acknowledgement(a);
    c.acknowledged += ack.acknowledged ?? 0;
    c.acknowledgedOnTime += ack.acknowledgedOnTime ?? 0;
    if (a.state === 'completed') c.completed += 1;
    byAgency.set(a.agencyId, c);
  }
  return [...byAgency].map(([agencyId, c]) => ({ agencyId, ...c }));
}
