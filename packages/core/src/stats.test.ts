import { describe, expect, it } from 'vitest';
import { newAssignment, redirect, respond, withdraw } from './assignment.ts';
import { pause, resume } from './assignment-clock.ts';
import type { AssignmentRecord } from './assignment.ts';
import { Calendar } from './calendar.ts';
import { INDONESIAN_HOLIDAYS } from './seed-data.ts';
import {
  agencyReport,
  type AgencyCounters,
  counterDeltas,
  counterRanges,
  countersFromRecords,
  medianOf,
  statsOf,
  workingDaysToRespond,
} from './stats.ts';

describe('statistics buckets', () => {
  it('cover a period exactly with days at the ragged ends and months between', () => {
    expect(counterRanges('2026-01-01', '2026-12-31')).toEqual([{ from: '2026-01', to: '2026-12' }]);
    expect(counterRanges('2026-03-16', '2026-03-20')).toEqual([
      { from: '2026-03-16', to: '2026-03-20' },
    ]);
    expect(counterRanges('2026-02-20', '2026-03-05')).toEqual([
      { from: '2026-02-20', to: '2026-02-28' },
      { from: '2026-03-01', to: '2026-03-05' },
    ]);
    expect(counterRanges('2025-12-15', '2026-03-10')).toEqual([
      { from: '2025-12-15', to: '2025-12-31' },
      { from: '2026-01', to: '2026-02' },
      { from: '2026-03-01', to: '2026-03-10' },
    ]);
    expect(counterRanges('2024-02-01', '2024-02-29')).toEqual([{ from: '2024-02', to: '2024-02' }]);
    expect(counterRanges('2026-03-01', '2026-04-15')).toEqual([
      { from: '2026-03', to: '2026-03' },
      { from: '2026-04-01', to: '2026-04-15' },
    ]);
  });

  it('read the median of whole working days', () => {
    expect(medianOf(new Map())).toBeNull();
    expect(medianOf(new Map([[3, 1]]))).toBe(3);
    expect(
      medianOf(
        new Map([
          [1, 2],
          [5, 1],
          [9, 1],
        ]),
      ),
    ).toBe(1);
    expect(
      medianOf(
        new Map([
          [1, 1],
          [5, 1],
          [9, 1],
        ]),
      ),
    ).toBe(5);
  });
});

const calendar = new Calendar(INDONESIAN_HOLIDAYS);

/** Polri's assignment on `caseId`, forwarded on Monday 6 April 2026. */
const forwardedOn = (caseId: string) =>
  newAssignment({
    caseId,
    agencyId: 'polri',
    instructions: null,
    forwardedAt: new Date('2026-04-06T03:00:00.000Z'), // Monday
    forwardedBy: 'officer-1',
    timeZone: 'Asia/Jakarta',
    calendar,
    policyId: 'default',
    workingDays: { acknowledge: 3, followUp: 5, resolution: 14 },
    previous: undefined,
  });

describe('working days to the first response', () => {
  const forwarded = forwardedOn('C1');

  it('leave out a pause that ended after the response, even in the same millisecond', () => {
    const paused = pause(
      forwarded,
      'Menunggu pengadu',
      'polri-1',
      new Date('2026-04-07T03:00:00Z'),
    );
    // A frozen clock (or a script): the agency answers while paused, then resumes, at one instant.
    const at = new Date('2026-04-13T03:00:00.000Z');
    const answered = respond(paused, { kind: 'progress', message: 'Sedang ditangani.' }, at);
    const { assignment: resumed, entry } = resume(answered, calendar, at, 'E1');
    // The pause moved the targets still open (not the follow-up, answered already).
    expect(entry).toMatchObject({ kind: 'pause', targets: ['resolution'] });
    // What the counters recorded when the answer came is what a recomputation finds later.
    const recorded = counterDeltas(paused, answered, calendar)[0]!.add;
    const [recomputed] = countersFromRecords([resumed], calendar, {
      from: '2026-04-01',
      to: '2026-04-30',
    });
    expect(Object.keys(recorded).filter((k) => k.startsWith('h'))).toEqual(['h5']);
    expect([...recomputed!.histogram]).toEqual([[5, 1]]);
  });

  it('subtract a pause that ended before the response, even in the same millisecond', () => {
    const paused = pause(
      forwarded,
      'Menunggu pengadu',
      'polri-1',
      new Date('2026-04-07T03:00:00Z'),
    );
    const at = new Date('2026-04-13T03:00:00.000Z');
    const { assignment: resumed } = resume(paused, calendar, at, 'E1');
    const answered = respond(resumed, { kind: 'progress', message: 'Sedang ditangani.' }, at);
    expect(workingDaysToRespond(answered, at, calendar)).toBe(1);
    const [recomputed] = countersFromRecords([answered], calendar, {
      from: '2026-04-01',
      to: '2026-04-30',
    });
    expect([...recomputed!.histogram]).toEqual([[1, 1]]);
  });
});

describe('the response rate of an agency that answered, then said "not ours"', () => {
  const forwarded = forwardedOn;
  const at = new Date('2026-04-07T03:00:00.000Z');
  const answeredThenRedirected = (caseId: string) => {
    const a = forwarded(caseId);
    const answered = respond(a, { kind: 'progress', message: 'Sedang ditangani.' }, at);
    return { a, answered, redirected: redirect(answered, { reason: 'Bukan wewenang' }, at) };
  };

  it('counts it as answered, not as handed back: never above 100 %', () => {
    const two = [answeredThenRedirected('C1'), answeredThenRedirected('C2')];
    const pending = forwarded('C3');
    // As the counters add up, change by change.
    const added = new Map<string, number>();
    const add = (deltas: ReturnType<typeof counterDeltas>) => {
      for (const [k, v] of Object.entries(deltas[0]?.add ?? {}))
        added.set(k, (added.get(k) ?? 0) + v);
    };
    for (const { a, answered, redirected } of two) {
      add(counterDeltas(undefined, a, calendar));
      add(counterDeltas(a, answered, calendar));
      add(counterDeltas(answered, redirected, calendar));
    }
    add(counterDeltas(undefined, pending, calendar));
    const counters = {
      agencyId: 'polri',
      assigned: added.get('assigned') ?? 0,
      redirected: added.get('redirected') ?? 0,
      withdrawn: 0,
      responded: added.get('responded') ?? 0,
      respondedOnTime: added.get('respondedOnTime') ?? 0,
      acknowledged: 0,
      acknowledgedOnTime: 0,
      completed: 0,
      histogram: new Map([[1, 2]]),
    };
    expect(statsOf(counters, 1).responseRate).toBe(0.6667);
    // And as a recomputation from the records finds them.
    const [recomputed] = countersFromRecords([...two.map((t) => t.redirected), pending], calendar, {
      from: '2026-04-01',
      to: '2026-04-30',
    });
    expect(recomputed).toMatchObject({ assigned: 3, redirected: 0, responded: 2 });
  });

  it('a handful of cases handed back does not make a sample', () => {
    const counters = {
      agencyId: 'polri',
      assigned: 6,
      redirected: 5,
      withdrawn: 0,
      responded: 1,
      respondedOnTime: 1,
      acknowledged: 0,
      acknowledgedOnTime: 0,
      completed: 1,
      histogram: new Map([[1, 1]]),
    };
    expect(statsOf(counters, 5).belowMinimumSample).toBe(true);
  });
});

describe('an assignment central withdrew (forwarded by mistake, or the case closed)', () => {
  const forwarded = forwardedOn;
  // Forwarded Monday 6 April 2026: the follow-up (5 working days) falls due on 13 April.
  const early = new Date('2026-04-07T03:00:00.000Z');
  const late = new Date('2026-04-20T03:00:00.000Z');
  /** The counters as they add up, change by change. */
  const sum = (
    changes: readonly (readonly [Parameters<typeof counterDeltas>[0], AssignmentRecord])[],
  ) => {
    const added = new Map<string, number>();
    for (const [before, after] of changes)
      for (const [k, v] of Object.entries(counterDeltas(before, after, calendar)[0]?.add ?? {}))
        added.set(k, (added.get(k) ?? 0) + v);
    return added;
  };

  it('before its follow-up fell due, unanswered: out of the sample; after a missed deadline: a non-response', () => {
    const answered = forwarded('C1');
    const answeredThen = respond(answered, { kind: 'final', message: 'Selesai.' }, early);
    const mistaken = forwarded('C2');
    const withdrawnEarly = withdraw(mistaken, early);
    const ignored = forwarded('C3');
    const withdrawnLate = withdraw(ignored, late);
    const progressed = forwarded('C4');
    const progressedThen = respond(progressed, { kind: 'progress', message: 'Ditangani.' }, early);
    const withdrawnAnswered = withdraw(progressedThen, early);
    const added = sum([
      [undefined, answered],
      [answered, answeredThen],
      [undefined, mistaken],
      [mistaken, withdrawnEarly],
      [undefined, ignored],
      [ignored, withdrawnLate],
      [undefined, progressed],
      [progressed, progressedThen],
      [progressedThen, withdrawnAnswered],
    ]);
    expect(added.get('assigned')).toBe(4);
    // Only the one withdrawn before its deadline, unanswered, leaves the sample.
    expect(added.get('withdrawn')).toBe(1);
    expect(added.get('responded')).toBe(2);
    const counters = {
      agencyId: 'polri',
      assigned: 4,
      redirected: 0,
      withdrawn: added.get('withdrawn') ?? 0,
      responded: 2,
      respondedOnTime: 2,
      acknowledged: 0,
      acknowledgedOnTime: 0,
      completed: 1,
      histogram: new Map([[1, 2]]),
    };
    // 2 answered of 3 in the sample (4 forwarded, 1 withdrawn before its deadline).
    expect(statsOf(counters, 1)).toMatchObject({
      withdrawn: 1,
      responseRate: 0.6667,
      onTimeRate: 0.6667,
    });
    expect(statsOf(counters, 4).belowMinimumSample).toBe(true);
    // And as a recomputation from the records finds them.
    const [recomputed] = countersFromRecords(
      [answeredThen, withdrawnEarly, withdrawnLate, withdrawnAnswered],
      calendar,
      { from: '2026-04-01', to: '2026-04-30' },
    );
    expect(recomputed).toMatchObject({ assigned: 4, withdrawn: 1, responded: 2 });
  });

  it('is subtracted once: not again when its record changes later, nor when it is forwarded again', () => {
    const a = forwarded('C1');
    const withdrawn = withdraw(a, early);
    // A take-back by the coordinator later touches the ended record.
    const touched = { ...withdrawn, delegatedTo: null, updatedAt: late.toISOString() };
    const again = newAssignment({
      caseId: 'C1',
      agencyId: 'polri',
      instructions: null,
      forwardedAt: late,
      forwardedBy: 'officer-1',
      timeZone: 'Asia/Jakarta',
      calendar,
      policyId: 'default',
      workingDays: { acknowledge: 3, followUp: 5, resolution: 14 },
      previous: touched,
    });
    const added = sum([
      [undefined, a],
      [a, withdrawn],
      [withdrawn, touched],
      [touched, again],
    ]);
    expect(Object.fromEntries(added)).toEqual({ assigned: 2, withdrawn: 1 });
    // The record of the withdrawn generation still says when it was withdrawn.
    const [recomputed] = countersFromRecords([touched], calendar, {
      from: '2026-04-01',
      to: '2026-04-30',
    });
    expect(recomputed).toMatchObject({ assigned: 1, withdrawn: 1 });
    // Withdrawn before the record kept the instant: in the sample, as its counters have it.
    const { withdrawnAt: _, ...older } = touched;
    const [legacy] = countersFromRecords([older], calendar, {
      from: '2026-04-01',
      to: '2026-04-30',
    });
    expect(legacy).toMatchObject({ assigned: 1, withdrawn: 0 });
  });
});

/** An agency's counters: `responded` of `assigned`, `onTime` of them by the deadline. */
const counted = (agencyId: string, assigned: number, responded: number, onTime = responded) =>
  ({
    agencyId,
    assigned,
    redirected: 0,
    withdrawn: 0,
    responded,
    respondedOnTime: onTime,
    acknowledged: 0,
    acknowledgedOnTime: 0,
    completed: 0,
    histogram: new Map(responded > 0 ? [[2, responded]] : []),
  }) satisfies AgencyCounters;
const ranks = (report: ReturnType<typeof agencyReport>) =>
  Object.fromEntries(report.items.map((s) => [s.agencyId, s.rank]));

describe('the ranking', () => {
  it('gives no "Peringkat 1" to the one agency with enough cases: there is no one to be best of', () => {
    // PLN: 5 forwarded, none answered, the only one at the minimum sample of 5.
    const report = agencyReport(
      [counted('pln', 5, 0), counted('polri', 2, 2), counted('bpn', 0, 0)],
      5,
    );
    expect(report.items.find((s) => s.agencyId === 'pln')).toMatchObject({
      responseRate: 0,
      belowMinimumSample: false,
    });
    expect(ranks(report)).toEqual({ pln: null, polri: null, bpn: null });
  });

  it('orders two or more by response rate, then on-time rate, best first; equal rates share a rank', () => {
    const report = agencyReport(
      [
        counted('pln', 5, 0),
        counted('polri', 10, 9, 3),
        counted('bpn', 10, 9, 8),
        counted('atr', 20, 18, 16), // bpn's rates exactly: its equal, whatever its id
        counted('kecil', 1, 1), // 100 % of one: below the sample, not ranked
      ],
      5,
    );
    expect(ranks(report)).toEqual({ atr: 1, bpn: 1, polri: 3, pln: 4, kecil: null });
  });
});
