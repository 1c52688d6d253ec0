/**
 * Records that cannot outgrow DynamoDB, on the domain side: a pause or an extension leaves the
 * assignment as a clock entry (an item of its own) instead of growing it, pauses are capped,
 * records stored with the earlier arrays are read as they are, and the case keeps bounded
 * histories however often it is reopened.
 */
import { describe, expect, it } from 'vitest';
import {
  type AssignmentRecord,
  newAssignment,
  totalWorkingDays,
  withDeadlines,
} from './assignment.ts';
import { clockHistory, extend, MAX_PAUSES, pause, resume } from './assignment-clock.ts';
import { Calendar } from './calendar.ts';
import {
  caseAsOf,
  MAX_REPLIES,
  MAX_STATUS_HISTORY,
  newCase,
  openReplyWindow,
  reconcile,
  reply,
} from './case.ts';
import { viewTracking } from './case-view.ts';
import { DomainError } from './errors.ts';
import { INDONESIAN_HOLIDAYS } from './seed-data.ts';
import { workingDaysToRespond } from './stats.ts';

const calendar = new Calendar(INDONESIAN_HOLIDAYS);
const monday = new Date('2026-04-06T03:00:00.000Z');
const day = (n: number) => new Date(monday.getTime() + n * 24 * 60 * 60 * 1000);
const fresh = newAssignment({
  caseId: 'C1',
  agencyId: 'polri',
  instructions: null,
  forwardedAt: monday,
  forwardedBy: 'officer-1',
  timeZone: 'Asia/Jakarta',
  calendar,
  policyId: 'default',
  workingDays: { acknowledge: 3, followUp: 14, resolution: 60 },
  previous: undefined,
});
const long = 'x'.repeat(2_000);

describe('pauses and extensions as clock entries', () => {
  it('a pause and its resume leave the assignment no larger, and the entry says what moved', () => {
    const paused = pause(fresh, long, 'coordinator', monday);
    expect(paused.pauses).toEqual([
      { from: monday.toISOString(), to: null, reason: long, by: 'coordinator' },
    ]);
    const { assignment, entry } = resume(paused, calendar, day(2), 'E1'); // Mon → Wed: 2 working days
    expect(assignment.pauses).toEqual([]);
    expect(assignment.adjustments).toBeUndefined();
    expect(assignment.added!.pause).toEqual({ acknowledge: 2, followUp: 2, resolution: 2 });
    expect(assignment.pauseCount).toBe(1);
    expect(entry).toEqual({
      caseId: 'C1',
      agencyId: 'polri',
      generation: 1,
      id: 'E1',
      kind: 'pause',
      workingDays: 2,
      measure: 'time',
      targets: ['acknowledge', 'followUp', 'resolution'],
      at: day(2).toISOString(),
      reason: long,
      pause: { from: monday.toISOString(), to: day(2).toISOString(), by: 'coordinator' },
    });
    expect(totalWorkingDays(assignment, 'followUp')).toBe(16);
    expect(assignment.due).toEqual(withDeadlines(assignment, calendar).due);
    expect(JSON.stringify(assignment).length).toBeLessThan(JSON.stringify(fresh).length + 200);
  });

  it('an extension adds to the open targets only, as an entry', () => {
    const acknowledged = { ...fresh, met: { ...fresh.met, acknowledge: monday.toISOString() } };
    const { assignment, entry } = extend(acknowledged, 10, 'Butuh waktu', calendar, day(1), 'E2');
    expect(entry).toMatchObject({
      kind: 'extension',
      workingDays: 10,
      targets: ['followUp', 'resolution'],
    });
    expect(entry.pause).toBeUndefined();
    expect(assignment.added!.extension).toEqual({ acknowledge: 0, followUp: 10, resolution: 10 });
    expect(totalWorkingDays(assignment, 'acknowledge')).toBe(3);
    expect(totalWorkingDays(assignment, 'resolution')).toBe(70);
  });

  it(`refuses the ${MAX_PAUSES + 1}th pause with limit_exceeded, naming the limit`, () => {
    let a: AssignmentRecord = fresh;
    for (let i = 0; i < MAX_PAUSES; i += 1) {
      a = resume(pause(a, long, 'coordinator', day(i)), calendar, day(i), `E${i}`).assignment;
    }
    expect(a.pauseCount).toBe(MAX_PAUSES);
    let refusal: unknown;
    try {
      pause(a, long, 'coordinator', day(MAX_PAUSES));
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'limit_exceeded' });
    expect((refusal as Error).message).toContain(`at most ${MAX_PAUSES} times`);
    // Resuming is never capped: a pause in progress can always end.
    const nearly = { ...a, pauseCount: MAX_PAUSES - 1 };
    const last = pause(nearly, long, 'central', day(MAX_PAUSES));
    expect(() => resume(last, calendar, day(MAX_PAUSES + 1), 'E-last')).not.toThrow();
  });

  it('the explanation lists entries in the order written, even at one frozen instant', () => {
    let a: AssignmentRecord = fresh;
    const entries = [];
    for (const id of ['E1', 'E2', 'E3']) {
      a = pause(a, `pause ${id}`, 'coordinator', monday);
      const change = resume(a, calendar, monday, id);
      a = change.assignment;
      entries.push(change.entry);
    }
    a = pause(a, 'still paused', 'coordinator', monday);
    const history = clockHistory(a, entries);
    expect(history.pauses.map((p) => p.reason)).toEqual([
      'pause E1',
      'pause E2',
      'pause E3',
      'still paused',
    ]);
    // Pauses shorter than a working day moved nothing: no adjustment to list.
    expect(history.adjustments).toEqual([]);
  });
});

describe('records stored with the earlier arrays', () => {
  // As the earlier version wrote it: two ended pauses, their adjustments, one pause running.
  const legacy: AssignmentRecord = {
    ...fresh,
    added: undefined,
    pauseCount: undefined,
    adjustments: [
      {
        kind: 'pause',
        workingDays: 1,
        targets: ['acknowledge', 'followUp', 'resolution'],
        at: day(1).toISOString(),
        reason: 'a',
      },
      {
        kind: 'extension',
        workingDays: 5,
        targets: ['followUp', 'resolution'],
        at: day(2).toISOString(),
        reason: 'b',
      },
    ],
    pauses: [
      { from: monday.toISOString(), to: day(1).toISOString(), reason: 'a', by: 'x' },
      { from: day(2).toISOString(), to: day(2).toISOString(), reason: 'c', by: 'x' },
      { from: day(3).toISOString(), to: null, reason: 'd', by: 'x' },
    ],
    paused: true,
  };

  it('counts their adjustments and pauses, and resumes the pause left running', () => {
    expect(totalWorkingDays(legacy, 'followUp')).toBe(14 + 1 + 5);
    const { assignment, entry } = resume(legacy, calendar, day(4), 'E9'); // Thu → Fri: 1
    // The arrays are frozen: the running pause moved out, nothing was appended.
    expect(assignment.adjustments).toEqual(legacy.adjustments);
    expect(assignment.pauses).toEqual(legacy.pauses!.slice(0, 2));
    expect(assignment.pauseCount).toBe(3);
    expect(entry).toMatchObject({ kind: 'pause', workingDays: 1, reason: 'd' });
    expect(totalWorkingDays(assignment, 'followUp')).toBe(14 + 1 + 5 + 1);
    const history = clockHistory(assignment, [entry]);
    expect(history.pauses.map((p) => p.reason)).toEqual(['a', 'c', 'd']);
    expect(history.adjustments.map((x) => x.reason)).toEqual(['a', 'b', 'd']);
  });

  it('count toward the pause cap', () => {
    const many: AssignmentRecord = {
      ...legacy,
      paused: false,
      pauses: Array.from({ length: MAX_PAUSES }, () => legacy.pauses![0]!),
    };
    expect(() => pause(many, 'again', 'x', day(5))).toThrow(/at most/);
  });

  it('give the statistics their paused working days, and so do the entries', () => {
    const { assignment } = resume(legacy, calendar, day(4), 'E9');
    // Forwarded Mon 6 → Fri 10 April: 4 working days, less 1 (legacy pause) and 1 (entry).
    expect(workingDaysToRespond(assignment, day(4), calendar)).toBe(2);
  });
});

describe('the case keeps bounded histories', () => {
  const c = newCase({
    id: 'C1',
    trackingCode: 'AAAA-BBBB-CCCCC',
    body: {
      channel: 'letter',
      complainant: { name: 'Siti' },
      subject: 'Perihal',
      description: 'Uraian',
    },
    now: monday,
    verificationDueAt: day(5),
  });

  it(`keeps the first status and the latest ones, ${MAX_STATUS_HISTORY} in all`, () => {
    let record = { ...c, status: 'forwarded' as const };
    const assigned = (followUp: string | null) => [{ ...fresh, met: { ...fresh.met, followUp } }];
    for (let i = 0; i < MAX_STATUS_HISTORY; i += 1) {
      record = reconcile(record, assigned(day(i).toISOString()), day(i)) as typeof record;
      record = reconcile(record, assigned(null), day(i)) as typeof record;
    }
    expect(record.statusHistory).toHaveLength(MAX_STATUS_HISTORY);
    expect(record.statusHistory[0]).toEqual({ status: 'received', at: monday.toISOString() });
    expect(record.statusHistory.at(-1)).toEqual({
      status: 'forwarded',
      at: day(MAX_STATUS_HISTORY - 1).toISOString(),
    });
  });

  it('tells the complainant when the steps shown leave earlier ones out', () => {
    let record = { ...c, status: 'forwarded' as const };
    const assigned = (followUp: string | null) => [{ ...fresh, met: { ...fresh.met, followUp } }];
    const swing = (i: number) => {
      record = reconcile(record, assigned(day(i).toISOString()), day(i)) as typeof record;
      record = reconcile(record, assigned(null), day(i)) as typeof record;
    };
    // 99 statuses in all (received, then 49 swings): every one shown.
    for (let i = 0; i < 49; i += 1) swing(i);
    expect(viewTracking(record, day(60)).steps).toHaveLength(99);
    expect(viewTracking(record, day(60)).earlierSteps).toBe(false);
    swing(49);
    // 101: the first and the latest 99 shown, and said so.
    expect(viewTracking(record, day(60)).steps).toHaveLength(MAX_STATUS_HISTORY);
    expect(viewTracking(record, day(60)).earlierSteps).toBe(true);
    expect(viewTracking({ ...record, confidential: true }, day(60)).earlierSteps).toBe(false);
  });

  it('reads the status a case had at an instant (an ended agency’s), its history trimmed or not', () => {
    const at = (n: number) => day(n).toISOString();
    const closure = {
      outcome: 'resolved' as const,
      note: null,
      at: at(15),
      by: 'central' as const,
    };
    const record = {
      ...c,
      status: 'closed' as const,
      statusHistory: [
        { status: 'received' as const, at: at(0) },
        { status: 'in_follow_up' as const, at: at(10) },
        { status: 'resolved' as const, at: at(12) },
        { status: 'closed' as const, at: at(15) },
      ],
      statusCount: 4,
      closure,
    };
    expect(caseAsOf(record, at(11))).toMatchObject({ status: 'in_follow_up', closure: null });
    // At the close's instant: the close, and how.
    expect(caseAsOf(record, at(15))).toMatchObject({ status: 'closed', closure });
    // Trimmed (40 statuses, the history keeps the first and the latest): an instant between
    // them no longer says which it was, and reads as the forwarding it had a part in, never
    // as the first status ("received").
    const trimmed = { ...record, statusCount: 40 };
    expect(caseAsOf(trimmed, at(5)).status).toBe('forwarded');
    expect(caseAsOf(trimmed, at(11)).status).toBe('in_follow_up');
  });

  it(`keeps the latest ${MAX_REPLIES} complainant replies`, () => {
    let record = c;
    for (let i = 0; i < MAX_REPLIES + 5; i += 1) {
      const resolved = openReplyWindow({ ...record, status: 'resolved' }, day(i), day(i + 5));
      record = reply(resolved, { satisfied: false, rating: 1, message: `balasan ${i}` }, day(i));
    }
    expect(record.replies).toHaveLength(MAX_REPLIES);
    expect(record.replies!.at(-1)!.message).toBe(`balasan ${MAX_REPLIES + 4}`);
  });
});
