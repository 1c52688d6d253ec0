/**
 * The acknowledgement target in the statistics (DOMAIN.md: "first response within 3 days"):
 * `acknowledged` and `acknowledgedOnTime` per agency, over the same sample as the other rates,
 * counted once across the release that brings them (`counted` on the assignment).
 */
import { describe, expect, it } from 'vitest';
import {
  acknowledge,
  type AssignmentRecord,
  newAssignment,
  redirect,
  respond,
  withdraw,
} from './assignment.ts';
import { Calendar } from './calendar.ts';
import { INDONESIAN_HOLIDAYS } from './seed-data.ts';
import { agencyReport, counterDeltas, countersFromRecords, upgradeCounters } from './stats.ts';

const calendar = new Calendar(INDONESIAN_HOLIDAYS);
const april = { from: '2026-04-01', to: '2026-04-30' };

/** Polri's assignment on `caseId`, forwarded on Monday 6 April 2026 (acknowledge by Thursday). */
const forwarded = (caseId: string, previous?: AssignmentRecord) =>
  newAssignment({
    caseId,
    agencyId: 'polri',
    instructions: null,
    forwardedAt: new Date('2026-04-06T03:00:00.000Z'),
    forwardedBy: 'officer-1',
    timeZone: 'Asia/Jakarta',
    calendar,
    policyId: 'default',
    workingDays: { acknowledge: 3, followUp: 5, resolution: 14 },
    previous,
  });
const onTime = new Date('2026-04-07T03:00:00.000Z');
const late = new Date('2026-04-14T03:00:00.000Z');
const answer = { kind: 'progress' as const, message: 'Sedang ditangani.' };

/** The counters as they add up, change by change (the day's bucket). */
const sum = (changes: readonly (readonly [AssignmentRecord | undefined, AssignmentRecord])[]) => {
  const added: Record<string, number> = {};
  for (const [before, after] of changes)
    for (const [k, v] of Object.entries(counterDeltas(before, after, calendar)[0]?.add ?? {}))
      added[k] = (added[k] ?? 0) + v;
  return added;
};
/** The counters and the report as the maintained ones give them, and as the records do. */
const bothWays = (added: Record<string, number>, records: readonly AssignmentRecord[]) => {
  const counters = {
    agencyId: 'polri',
    assigned: added.assigned ?? 0,
    redirected: added.redirected ?? 0,
    withdrawn: added.withdrawn ?? 0,
    responded: added.responded ?? 0,
    respondedOnTime: added.respondedOnTime ?? 0,
    acknowledged: added.acknowledged ?? 0,
    acknowledgedOnTime: added.acknowledgedOnTime ?? 0,
    completed: added.completed ?? 0,
    histogram: new Map<number, number>(),
  };
  const [recomputed] = countersFromRecords(records, calendar, april);
  return { maintained: agencyReport([counters], 1).items[0]!, recomputed: recomputed! };
};

describe('an agency’s acknowledgements', () => {
  it('count when the target was met, on time only by its due instant, an answer meeting it too', () => {
    const a = forwarded('C1');
    const early = acknowledge(a, onTime, 'polri')!;
    const b = forwarded('C2');
    const tardy = acknowledge(b, late, 'polri')!;
    const c = forwarded('C3');
    // No acknowledgement: the answer met the target, on time.
    const answered = respond(c, answer, onTime);
    const d = forwarded('C4');
    const { maintained, recomputed } = bothWays(
      sum([
        [undefined, a],
        [a, early],
        [undefined, b],
        [b, tardy],
        [undefined, c],
        [c, answered],
        [undefined, d],
      ]),
      [early, tardy, answered, d],
    );
    expect(maintained).toMatchObject({
      assigned: 4,
      acknowledged: 3,
      acknowledgedOnTime: 2,
      acknowledgeOnTimeRate: 0.5,
    });
    expect(recomputed).toMatchObject({ acknowledged: 3, acknowledgedOnTime: 2 });
    // A late acknowledgement alone: met, not on time.
    expect(sum([[b, tardy]])).toEqual({ acknowledged: 1 });
    // The answer after an acknowledgement counts no second one.
    expect(sum([[early, respond(early, answer, late)]])).not.toHaveProperty('acknowledged');
  });

  it('leave the sample with the assignment ("not ours", withdrawn in time): never above 100 %', () => {
    const a = forwarded('C1');
    const acked = acknowledge(a, onTime, 'polri')!;
    const notOurs = redirect(acked, { reason: 'Bukan wewenang' }, onTime);
    const b = forwarded('C2');
    const ackedB = acknowledge(b, onTime, 'polri')!;
    const mistaken = withdraw(ackedB, onTime);
    const c = forwarded('C3');
    const ackedC = acknowledge(c, onTime, 'polri')!;
    const { maintained, recomputed } = bothWays(
      sum([
        [undefined, a],
        [a, acked],
        [acked, notOurs],
        [undefined, b],
        [b, ackedB],
        [ackedB, mistaken],
        [undefined, c],
        [c, ackedC],
      ]),
      [notOurs, mistaken, ackedC],
    );
    // 3 forwarded, one "not ours", one withdrawn before its follow-up fell due: a sample of 1.
    expect(maintained).toMatchObject({
      assigned: 3,
      redirected: 1,
      withdrawn: 1,
      acknowledged: 1,
      acknowledgedOnTime: 1,
      acknowledgeOnTimeRate: 1,
    });
    expect(recomputed).toMatchObject({ acknowledged: 1, acknowledgedOnTime: 1 });
  });
});

describe('an assignment stored before acknowledgements were counted (no `counted`)', () => {
  const stored = (a: AssignmentRecord): AssignmentRecord => {
    const { counted: _, ...older } = a;
    return older;
  };

  it('is marked by every assignment this release creates, the next generation too', () => {
    const first = forwarded('C1');
    expect(first.counted).toBe(2);
    const again = forwarded('C1', stored(withdraw(first, onTime)));
    expect(again).toMatchObject({ generation: 2, counted: 2 });
  });

  it('counts no acknowledgement made after the deploy, until the upgrade counts it once', () => {
    const old = stored(forwarded('C1'));
    const acked = acknowledge(old, late, 'polri')!;
    // Its day's bucket held none of its acknowledgement: the new code adds none either.
    expect(sum([[old, acked]])).toEqual({});
    expect(countersFromRecords([acked], calendar, april)[0]).toMatchObject({ acknowledged: 0 });
    // The upgrade marks it and counts what it met, in one write.
    const upgraded = { ...acked, counted: 2 as const };
    expect(upgradeCounters(acked, upgraded).map((u) => [u.date, u.add])).toEqual([
      ['2026-04-06', { acknowledged: 1 }],
      ['2026-04', { acknowledged: 1 }],
    ]);
    expect(countersFromRecords([upgraded], calendar, april)[0]).toMatchObject({
      acknowledged: 1,
      acknowledgedOnTime: 0,
    });
    // Acknowledged afterwards, on a record the upgrade marked: the change counts it.
    const pending = { ...stored(forwarded('C2')), counted: 2 as const };
    expect(upgradeCounters(stored(forwarded('C2')), pending)).toEqual([]);
    expect(sum([[pending, acknowledge(pending, onTime, 'polri')!]])).toEqual({
      acknowledged: 1,
      acknowledgedOnTime: 1,
    });
  });

  it('merges a dated withdrawal and the acknowledgement into one update per bucket', () => {
    // Acknowledged, then withdrawn before its follow-up fell due (by a release that kept no
    // `withdrawnAt`): dated by the upgrade, it leaves the sample, its acknowledgement with it.
    const withdrawn = withdraw(acknowledge(forwarded('C1'), onTime, 'polri')!, onTime);
    const { withdrawnAt, ...undated } = stored(withdrawn);
    const updates = upgradeCounters(undated, { ...undated, withdrawnAt: withdrawnAt!, counted: 2 });
    expect(updates.map((u) => [u.date, u.add])).toEqual([
      ['2026-04-06', { withdrawn: 1 }],
      ['2026-04', { withdrawn: 1 }],
    ]);
    // Answered, then withdrawn: in the sample, acknowledged on time (by its answer).
    const kept = withdraw(respond(forwarded('C2'), answer, onTime), late);
    const { withdrawnAt: at, ...older } = stored(kept);
    expect(upgradeCounters(older, { ...older, withdrawnAt: at!, counted: 2 })[0]!.add).toEqual({
      acknowledged: 1,
      acknowledgedOnTime: 1,
    });
  });
});
