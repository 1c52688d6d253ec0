/**
 * Records that cannot outgrow DynamoDB (issue 11, part 5), tried as an attacker would, through
 * the service on DynamoDB Local:
 *
 * - a focal point's coordinator pauses and resumes a member unit's assignment day after day,
 *   130 times, with reasons of 2,000 characters (the earlier version's item passed 400 KB at
 *   about the 110th write, answered 500 and left the assignment stuck): no write fails with a
 *   500, the cap is a clear `limit_exceeded`, and central can still close the case;
 * - a case whose item collection passes DynamoDB's 1 MB page (three assignments stored by the
 *   earlier version, each grown to ~390 KB of pauses, one of them stuck paused): central sees
 *   every assignment, the agency reads its own case, central resumes the stuck one, and the
 *   case does not resolve while an assignment is still pending.
 */
import { type AssignmentRecord, DomainError, newEventId, Service } from '@pantau/core';
import { assignmentItem, type DynamoStore, eventItem, itemSize } from '@pantau/store';
import { batchPut } from '../support/bulk.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAgencies,
  centralOfficer,
  forwardedCase,
  freshStore,
  manualClock,
  officerOf,
} from '../support/dynamodb.ts';

let store: DynamoStore;
let service: Service;
const clock = manualClock('2026-04-06T03:00:00.000Z'); // Monday 10:00 WIB
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/**
 * Pause-and-resume cycles, a day apart: enough to pass the 400 KB item limit as the arrays grew
 * before (the ~110th write), and to meet the cap on pauses more than twice over.
 */
const CYCLES = 130;
const reason = (i: number) => `${i} `.padEnd(2_000, 'menunggu dokumen dari pengadu ');

beforeAll(async () => {
  store = await freshStore();
  service = new Service({ store, clock: clock.now });
  await addAgencies(service, [
    { id: 'atr-bpn' },
    { id: 'kanwil-bpn-jatim', focalPointId: 'atr-bpn' },
    { id: 'heavy-1' },
    { id: 'heavy-2' },
    { id: 'heavy-3' },
    { id: 'later-unit' },
  ]);
});

/** The outcome of a call: ok, or the domain error's code; anything else (a 500) is thrown. */
async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

describe('an assignment paused and resumed 130 times with 2,000-character reasons', () => {
  it('never fails with a 500, names its limit, and central can still close the case', async () => {
    clock.set('2026-04-06T03:00:00.000Z');
    const { caseId } = await forwardedCase(service, ['kanwil-bpn-jatim']);
    const coordinator = officerOf('atr-bpn', 'agency_coordinator');
    const tally: Record<string, number> = {};
    let refusal: DomainError | undefined;
    for (let i = 0; i < CYCLES; i += 1) {
      let result: string;
      try {
        await service.pauseAssignment(coordinator, caseId, 'kanwil-bpn-jatim', reason(i));
        result = 'paused';
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        refusal ??= error;
        result = error.code;
      }
      tally[result] = (tally[result] ?? 0) + 1;
      // A day later (a working day on weekdays: the pause then moves the deadlines too).
      clock.set(new Date(clock.now().getTime() + DAY).toISOString());
      const resumed = await outcome(
        service.resumeAssignment(coordinator, caseId, 'kanwil-bpn-jatim'),
      );
      // Past the cap nothing was paused: the resume finds the clock running after its pauses
      // and answers the assignment as it is (what a resume sent again gets), changing nothing.
      expect(resumed).toBe('ok');
    }
    // The cap is the only refusal, and it says which limit it is.
    expect(refusal?.code).toBe('limit_exceeded');
    expect(refusal?.message).toMatch(/at most 50 times/);
    // Named for the console, which says it in a sentence of its own.
    expect(refusal).toMatchObject({ limit: 'pauses' });
    expect(tally).toEqual({ paused: 50, limit_exceeded: CYCLES - 50 });

    // However often it was paused, the assignment itself stays small: its history is elsewhere.
    const stored = (await store.getCase(caseId))!.assignments[0]!;
    expect(itemSize(assignmentItem(stored))).toBeLessThan(8 * 1024);

    // The explanation still lists every pause with its reason, and what each one moved.
    const explained = await service.deadlines(centralOfficer, caseId, 'kanwil-bpn-jatim');
    const followUp = explained.targets.find((t) => t.target === 'followUp')!;
    expect(followUp.pausedIntervals).toHaveLength(50);
    expect(followUp.pausedIntervals[0]!.reason).toBe(reason(0).trim());
    expect(followUp.pausedIntervals.every((p) => p.to !== null)).toBe(true);
    const paused = followUp.adjustments.filter((a) => a.kind === 'pause');
    expect(paused.length).toBeGreaterThan(25);
    expect(followUp.workingDays).toBe(
      followUp.policyWorkingDays + paused.reduce((sum, a) => sum + a.workingDays, 0),
    );

    // Central can pause-and-resume no more either, but can always close (withdrawing it).
    const closed = await service.closeCase(centralOfficer, caseId, { outcome: 'unresolved' });
    expect(closed.status).toBe('closed');
    expect(closed.assignments[0]!.state).toBe('withdrawn');
  }, 60_000);
});

/** Extension requests one forwarding of an assignment may make (`MAX_EXTENSION_REQUESTS`). */
const EXTENSION_REQUESTS = 20;

describe('an agency asking for more time again and again, refused each time', () => {
  it('is refused past 20 requests a forwarding with limit_exceeded, writing nothing', async () => {
    clock.set('2026-04-06T03:00:00.000Z');
    const { caseId } = await forwardedCase(service, ['later-unit']);
    const officer = officerOf('later-unit');
    for (let i = 0; i < EXTENSION_REQUESTS; i += 1) {
      const request = await service.requestExtension(officer, caseId, 'later-unit', {
        workingDays: 60,
        reason: reason(i),
      });
      clock.set(new Date(clock.now().getTime() + HOUR).toISOString());
      await service.decideExtension(centralOfficer, caseId, 'later-unit', request.id, {
        approve: false,
        note: 'Alasan belum cukup.',
      });
    }
    const before = (await store.getCase(caseId))!;
    expect(before.extensions).toHaveLength(EXTENSION_REQUESTS);

    let refusal: unknown;
    try {
      await service.requestExtension(officer, caseId, 'later-unit', {
        workingDays: 60,
        reason: reason(EXTENSION_REQUESTS),
      });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'limit_exceeded', limit: 'extension_requests' });
    expect((refusal as DomainError).message).toMatch(/at most 20 extension requests/);
    // Nothing written: no request, and the case untouched (its version and the desk's view).
    expect(await store.getCase(caseId)).toEqual(before);
  }, 60_000);
});

/**
 * What the earlier version stored for an assignment paused and resumed once a day for `cycles`
 * days from its forwarding (each pause an hour long), the last pause still running: every
 * pause and adjustment in the item's arrays.
 */
function grownLegacy(a: AssignmentRecord, cycles: number): AssignmentRecord {
  const start = Date.parse(a.forwardedAt);
  const pauses = Array.from({ length: cycles }, (_, i) => ({
    from: new Date(start + i * DAY).toISOString(),
    to: i === cycles - 1 ? null : new Date(start + i * DAY + HOUR).toISOString(),
    reason: reason(i),
    by: 'atr-bpn-agency_coordinator',
  }));
  const adjustments = pauses.slice(0, -1).map((p, i) => ({
    kind: 'pause' as const,
    workingDays: 0,
    targets: ['acknowledge' as const, 'followUp' as const, 'resolution' as const],
    at: p.to!,
    reason: reason(i),
  }));
  return { ...a, pauses, adjustments, paused: true };
}

describe('a case whose item collection passes 1 MB', () => {
  it('shows every assignment, lets the agency read its own case, and does not resolve early', async () => {
    clock.set('2026-01-05T03:00:00.000Z'); // Monday 10:00 WIB
    const { caseId } = await forwardedCase(service, [
      'heavy-1',
      'heavy-2',
      'heavy-3',
      'later-unit',
    ]);
    // Three assignments stored by the earlier version, 390–408 KB each: their sort keys come
    // before `later-unit`'s, so one Query page (1 MB) ends before it. `heavy-1` is the record
    // that version left stuck: paused, with 2,000 characters of instructions, 97 pauses and
    // 96 adjustments (408 KB), so that the adjustment its resume appended passed 400 KB.
    for (const [agencyId, cycles] of [
      ['heavy-1', 97],
      ['heavy-2', 93],
      ['heavy-3', 93],
    ] as const) {
      const bundle = (await store.getCase(caseId))!;
      const a = bundle.assignments.find((x) => x.agencyId === agencyId)!;
      const grown = grownLegacy(a, cycles);
      await store.commit({
        case: {
          record: { ...bundle.case, version: bundle.case.version + 1 },
          expectedVersion: bundle.case.version,
        },
        assignments: [
          {
            record: {
              ...grown,
              ...(agencyId === 'heavy-1'
                ? { instructions: 'Mohon klarifikasi. '.repeat(105) }
                : {}),
              version: a.version + 1,
            },
            expectedVersion: a.version,
          },
        ],
      });
    }
    // The last pause began on Saturday 11 April; central looks on Tuesday the 14th (a whole
    // working day paused, Monday, and Tuesday's first hours).
    clock.set('2026-04-14T03:00:00.000Z');

    const seen = await service.getCase(centralOfficer, caseId);
    expect(seen.assignments.map((a) => a.agencyId).sort()).toEqual([
      'heavy-1',
      'heavy-2',
      'heavy-3',
      'later-unit',
    ]);
    expect(seen.assignments.find((a) => a.agencyId === 'heavy-1')!.paused).toBe(true);
    const own = await service.getCase(officerOf('later-unit'), caseId);
    expect(own.assignments.map((a) => a.agencyId)).toEqual(['later-unit']);

    // The record stuck paused under the earlier version: central resumes it.
    const resumed = await service.resumeAssignment(centralOfficer, caseId, 'heavy-1');
    expect(resumed.paused).toBe(false);
    // Its explanation reads the pauses stored in the item's arrays, and the one just ended.
    const explained = await service.deadlines(centralOfficer, caseId, 'heavy-1');
    const intervals = explained.targets[0]!.pausedIntervals;
    expect(intervals).toHaveLength(97);
    expect(intervals.every((p) => p.to !== null)).toBe(true);
    expect(intervals.at(-1)).toMatchObject({
      from: '2026-04-11T03:00:00.000Z',
      to: '2026-04-14T03:00:00.000Z',
    });
    expect(explained.targets[0]!.adjustments.at(-1)).toMatchObject({
      kind: 'pause',
      workingDays: 1,
    });

    // The heavy three answer in full: the case waits for the fourth.
    for (const agencyId of ['heavy-1', 'heavy-2', 'heavy-3']) {
      await service.respond(officerOf(agencyId), caseId, agencyId, {
        kind: 'final',
        message: 'Selesai ditindaklanjuti.',
      });
    }
    const waiting = await service.getCase(centralOfficer, caseId);
    expect(waiting.status).not.toBe('resolved');
    expect(waiting.assignments.find((a) => a.agencyId === 'later-unit')!.state).toBe('pending');

    // Central can pause and resume the others too, and close (withdrawing the pending one).
    expect(await outcome(service.pauseAssignment(centralOfficer, caseId, 'later-unit', 'x'))).toBe(
      'ok',
    );
    expect(await outcome(service.resumeAssignment(centralOfficer, caseId, 'later-unit'))).toBe(
      'ok',
    );
    const closed = await service.closeCase(centralOfficer, caseId, { outcome: 'resolved' });
    expect(closed.status).toBe('closed');
    expect(closed.assignments.find((a) => a.agencyId === 'later-unit')!.state).toBe('withdrawn');
  }, 60_000);
});

describe('a case answered 40 times, 20,000 characters each (issue 17)', () => {
  // The public tracking page read the whole timeline and sent back every answer: about 300
  // such answers passed the 6 MB a Lambda can return, on a route anyone can call.
  it('shows the complainant the latest 30, oldest first, and says there are earlier ones', async () => {
    const { caseId } = await forwardedCase(service, ['heavy-1', 'heavy-2']);
    const code = (await service.getCase(centralOfficer, caseId)).trackingCode!;
    const answer = (i: number) => `Perkembangan ${i}: `.padEnd(20_000, 'sedang ditindaklanjuti ');
    for (let i = 1; i <= 40; i += 1) {
      clock.set(new Date(clock.now().getTime() + HOUR).toISOString());
      const agency = i % 2 === 0 ? 'heavy-2' : 'heavy-1';
      await service.respond(officerOf(agency), caseId, agency, {
        kind: 'progress',
        message: answer(i),
      });
    }
    const view = await service.track(code);
    expect(view.answers).toHaveLength(30);
    expect(view.answers.map((a) => a.message.split(':')[0])).toEqual(
      Array.from({ length: 30 }, (_, i) => `Perkembangan ${i + 11}`),
    );
    expect(view.answers[0]).toMatchObject({ agencyName: 'Agency heavy-1', kind: 'progress' });
    expect(view.earlierAnswers).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(view))).toBeLessThan(1_000_000);
  });

  it('shows every answer of a case with few, and no note of earlier ones', async () => {
    const { caseId } = await forwardedCase(service, ['heavy-3']);
    const code = (await service.getCase(centralOfficer, caseId)).trackingCode!;
    for (const kind of ['progress', 'final'] as const)
      await service.respond(officerOf('heavy-3'), caseId, 'heavy-3', { kind, message: kind });
    const view = await service.track(code);
    expect(view.answers.map((a) => a.message)).toEqual(['progress', 'final']);
    expect(view.earlierAnswers).toBe(false);
  });
});

describe('the tracking page of a long case (issue 17)', () => {
  it('shows an agency’s final answer however many answers came after it', async () => {
    // PLN answered finally at once; Polri then sent 31 progress reports. The complainant rates
    // both agencies' answers: PLN's final answer is one of them, though older than the 30.
    const { caseId } = await forwardedCase(service, ['heavy-1', 'heavy-2']);
    const code = (await service.getCase(centralOfficer, caseId)).trackingCode!;
    await service.respond(officerOf('heavy-1'), caseId, 'heavy-1', {
      kind: 'final',
      message: 'Sudah diperbaiki.',
    });
    for (let i = 1; i <= 31; i += 1) {
      clock.set(new Date(clock.now().getTime() + HOUR).toISOString());
      await service.respond(officerOf('heavy-2'), caseId, 'heavy-2', {
        kind: 'progress',
        message: `Perkembangan ${i}`,
      });
    }
    const view = await service.track(code);
    expect(view.answers).toHaveLength(31);
    expect(view.answers[0]).toMatchObject({ kind: 'final', message: 'Sudah diperbaiki.' });
    expect(view.answers.slice(1).map((a) => a.message)).toEqual(
      Array.from({ length: 30 }, (_, i) => `Perkembangan ${i + 2}`),
    );
    expect(view.earlierAnswers).toBe(true);
  });

  it('reads a timeline of 2,000 events for its one answer in a round trip per MB', async () => {
    const { caseId } = await forwardedCase(service, ['heavy-3']);
    const code = (await service.getCase(centralOfficer, caseId)).trackingCode!;
    await service.respond(officerOf('heavy-3'), caseId, 'heavy-3', {
      kind: 'progress',
      message: 'Sedang diperiksa.',
    });
    // Events after the answer (as a long ladder and a busy desk write them), 2,000 of them.
    const at = clock.now().getTime();
    await batchPut(
      store,
      Array.from({ length: 2_000 }, (_, i) =>
        eventItem({
          id: newEventId(new Date(at + (i + 1) * 1_000)),
          caseId,
          at: new Date(at + (i + 1) * 1_000).toISOString(),
          type: 'escalation_skipped',
          actor: { system: 'escalation' },
          agencyId: 'heavy-3',
          data: { step: 'reminder_1', reason: 'target_met', targets: ['acknowledge'] },
        }),
      ),
    );
    const queries: string[] = [];
    const count =
      (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) =>
      (args: unknown) => {
        queries.push(String(context.commandName));
        return next(args);
      };
    store.client.middlewareStack.add(count as never, { step: 'initialize', name: 'countTrack' });
    try {
      const view = await service.track(code);
      expect(view.answers.map((a) => a.message)).toEqual(['Sedang diperiksa.']);
      expect(view.earlierAnswers).toBe(false);
    } finally {
      store.client.middlewareStack.remove('countTrack');
    }
    // The code, the case, and the timeline's answers: one Query for its ~400 KB (31 items a
    // Query, filtered after reading, took 65).
    expect(queries.filter((q) => q === 'QueryCommand').length).toBeLessThanOrEqual(3);
  });
});
