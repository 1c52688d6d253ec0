/**
 * The real ASL definition on the local interpreter (aws-local-stepfunctions), its Tick task
 * the real handler, on DynamoDB Local, driven by a manual clock.
 */
import { type Mailer, type NotificationRecord, Service } from '@pantau/core';
import { API_SETTINGS_TTL_MS, DynamoStore } from '@pantau/store';
import {
  continueLadder,
  ladderDefinition,
  MAX_PASSES_PER_EXECUTION,
  SfnLadderStarter,
  STATE,
  tick,
  type TickResult,
} from '@pantau/workflow';
import { SILENT_LADDER, wib } from '../../../test/support/domain-example.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAgencies,
  centralOfficer,
  forwardedCase,
  freshStore,
  manualClock,
  officerOf,
} from '../../../test/support/dynamodb.ts';
import { LocalLadderEngine } from './engine.ts';
import { localStateMachine } from './state-machine.ts';

let store: DynamoStore;
const clock = manualClock('2026-03-16T03:00:00.000Z');
const sent: NotificationRecord[] = [];
const mailer: Mailer = { send: async (n) => void sent.push(n) };
let engine: LocalLadderEngine;
let service: Service;

beforeAll(async () => {
  store = await freshStore();
  engine = new LocalLadderEngine({ store, clock: clock.now, mailer });
  service = new Service({ store, clock: clock.now, ladders: engine });
  await addAgencies(service, [
    { id: 'polri' },
    { id: 'pln' },
    { id: 'pemprov-bali', timeZone: 'Asia/Makassar' },
  ]);
});

async function forward(agencies: string[], at = '2026-03-16T03:00:00.000Z') {
  clock.set(at);
  const { caseId } = await forwardedCase(service, agencies);
  await engine.runDue();
  return caseId;
}

/** The clock moved, the due ladders run, and the outbox swept (as the runtime does each minute). */
async function advanceTo(iso: string) {
  clock.set(iso);
  await engine.runDue();
  await engine.sweep();
}

const lettersOf = async (caseId: string, agencyId: string) =>
  (await store.listNotifications({ caseId }, { limit: 100 })).items
    .filter((n) => n.agencyId === agencyId)
    .map((n) => [n.step, n.scheduledAt, n.targets.join('+')]);

describe('the escalation ladder on the local interpreter', () => {
  it('walks the whole ladder for a silent agency, each step once, on the right day', async () => {
    const caseId = await forward(['polri']);
    // Advance day by day through 60 days: every step fires when its instant passes, once.
    for (let day = 1; day <= 60; day += 1)
      await advanceTo(
        new Date(Date.parse('2026-03-16T03:00:00.000Z') + day * 86_400_000).toISOString(),
      );
    expect(await lettersOf(caseId, 'polri')).toEqual(SILENT_LADDER);
    const delivered = sent.filter((n) => n.caseId === caseId);
    expect(delivered).toHaveLength(7);
    expect(new Set(delivered.map((n) => n.id)).size).toBe(7);
    const assignment = await service.getAssignment(centralOfficer, caseId, 'polri');
    expect(assignment).toMatchObject({ escalationLevel: 4, monitoring: true });
    const timeline = await service.timeline(centralOfficer, caseId, { limit: 100 });
    expect(timeline.items.filter((e) => e.type === 'escalation_step')).toHaveLength(7);
    // Central intervention put a proposed clarification on central's calendar; the case is under monitoring.
    const calendar = await service.listActivities(centralOfficer, {
      status: 'proposed',
      limit: 100,
    } as never);
    expect(calendar.items.filter((a) => a.caseId === caseId)).toEqual([
      expect.objectContaining({
        kind: 'clarification',
        status: 'proposed',
        agencyIds: ['polri'],
        createdBy: 'escalation',
      }),
    ]);
    expect((await service.getCase(centralOfficer, caseId)).underMonitoring).toBe(true);
    // The ladder has nothing left to do: no timer.
    const { ladders } = (await store.getCase(caseId))!;
    expect(ladders[0]?.wakeAt).toBeNull();

    const [proposal] = calendar.items.filter((a) => a.caseId === caseId);
    // On the timeline too, right after the step that proposed it: the case page offers its
    // schedule, report and cancellation from there.
    const types = timeline.items.map((e) => e.type);
    expect(types.indexOf('activity_proposed')).toBe(types.lastIndexOf('escalation_step') + 1);
    expect(timeline.items.filter((e) => e.type === 'activity_proposed')).toEqual([
      expect.objectContaining({
        agencyId: 'polri',
        actor: { system: 'escalation' },
        data: {
          activityId: proposal!.id,
          kind: 'clarification',
          scheduledAt: null,
          agencyIds: ['polri'],
        },
      }),
    ]);

    // Central takes the proposal up: planned for a day, on the calendar by its time.
    const schedule = { scheduledAt: '2026-05-20T10:00:00+07:00', plan: 'Klarifikasi daring' };
    const planned = await service.scheduleActivity(centralOfficer, caseId, proposal!.id, schedule);
    expect(planned).toMatchObject({
      status: 'planned',
      scheduledAt: '2026-05-20T03:00:00.000Z',
      plan: 'Klarifikasi daring',
      agencyIds: ['polri'],
    });
    expect(await service.scheduleActivity(centralOfficer, caseId, proposal!.id, schedule)).toEqual(
      planned,
    );
    const may = await service.listActivities(centralOfficer, {
      from: '2026-05-18T00:00:00.000Z',
      to: '2026-05-22T00:00:00.000Z',
      limit: 100,
    } as never);
    expect(may.items.filter((a) => a.caseId === caseId)).toEqual([planned]);
    // Named by its case, as the desk shows it.
    expect(planned.caseSubject).toBe((await service.getCase(centralOfficer, caseId)).subject);
    const scheduledEvents = (await service.timeline(centralOfficer, caseId, { limit: 100 })).items
      .filter((e) => e.type === 'activity_scheduled')
      .map((e) => e.data);
    expect(scheduledEvents).toEqual([
      {
        activityId: proposal!.id,
        kind: 'clarification',
        agencyIds: ['polri'],
        scheduledAt: '2026-05-20T03:00:00.000Z',
        previous: null,
      },
    ]);

    // Polri answers at last; central calls the clarification off, saying why. The case
    // leaves monitoring, and the calendar keeps it as cancelled, with the reason.
    await service.respond(officerOf('polri'), caseId, 'polri', {
      kind: 'final',
      message: 'Laporan telah ditindaklanjuti.',
    });
    const reason = 'Polri sudah menanggapi; klarifikasi tidak diperlukan.';
    await expect(
      service.cancelActivity(officerOf('polri'), caseId, proposal!.id, { reason }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const off = await service.cancelActivity(centralOfficer, caseId, proposal!.id, { reason });
    expect(off).toMatchObject({
      status: 'cancelled',
      cancellation: { reason, at: clock.now().toISOString() },
      overdueToReport: false,
    });
    // Sent again (its answer lost): the same answer, no second event.
    expect(await service.cancelActivity(centralOfficer, caseId, proposal!.id, { reason })).toEqual(
      off,
    );
    expect((await service.getCase(centralOfficer, caseId)).underMonitoring).toBe(false);
    const cancelled = await service.listActivities(centralOfficer, {
      status: 'cancelled',
      limit: 100,
    } as never);
    expect(cancelled.items.filter((a) => a.caseId === caseId)).toEqual([off]);
    await expect(
      service.reportActivity(centralOfficer, caseId, proposal!.id, {
        heldAt: clock.now().toISOString(),
        outcome: 'x',
        summary: 'x',
      }),
    ).rejects.toMatchObject({ code: 'invalid_transition' });
    const after = await service.timeline(centralOfficer, caseId, { limit: 100 });
    expect(after.items.filter((e) => e.type === 'activity_cancelled')).toEqual([
      expect.objectContaining({
        data: { activityId: proposal!.id, kind: 'clarification', agencyIds: ['polri'], reason },
      }),
    ]);
  });

  it('writes a midnight step’s letter at midnight, and sends it in letter hours, from 08:00', async () => {
    const caseId = await forward(['polri'], '2026-06-08T03:00:00.000Z'); // a Monday
    const warning = async () =>
      (await store.listNotifications({ caseId }, { limit: 10 })).items.find(
        (n) => n.step === 'warning',
      );
    // Wednesday 00:00 WIB: the acknowledgement warning is due, written and dated then.
    clock.set('2026-06-09T17:00:00.000Z');
    await engine.runDue();
    expect(await warning()).toMatchObject({
      status: 'pending',
      createdAt: '2026-06-09T17:00:00.000Z',
      nextAttemptAt: '2026-06-10T01:00:00.000Z', // 08:00 WIB
    });
    expect(sent.filter((n) => n.caseId === caseId && n.step === 'warning')).toEqual([]);
    clock.set('2026-06-10T00:59:00.000Z');
    await engine.sweep();
    expect(await warning()).toMatchObject({ status: 'pending', attempts: 0 });
    // The first sweep past 08:00 (and its grace) sends it, once.
    clock.set('2026-06-10T01:05:00.000Z');
    await engine.sweep();
    expect(await warning()).toMatchObject({ status: 'sent', sentAt: '2026-06-10T01:05:00.000Z' });
    expect(sent.filter((n) => n.caseId === caseId && n.step === 'warning')).toHaveLength(1);
  });

  it('after a long jump writes only the letters still true, one rung at a time, and skips the rest', async () => {
    const caseId = await forward(['pln', 'pemprov-bali']);
    await advanceTo('2026-03-31T03:00:00.000Z'); // both deadlines of the first week long past
    await service.respond(officerOf('pln'), caseId, 'pln', {
      kind: 'progress',
      message: 'Sedang ditangani.',
    });
    await advanceTo('2026-04-16T03:00:00.000Z');
    // The warnings came due while the engine slept and their deadlines have passed: skipped.
    // Reminder I names both overdue targets and is dated the day it is written.
    expect(await lettersOf(caseId, 'pln')).toEqual([
      ['reminder_1', wib('2026-03-27'), 'acknowledge+followUp'],
      ['reminder_1', wib('2026-04-14'), 'resolution'], // a new episode: missed after catching up
    ]);
    const pln = (await store.listNotifications({ caseId }, { limit: 100 })).items.filter(
      (n) => n.agencyId === 'pln',
    );
    expect(pln.map((n) => [n.createdAt, n.episode])).toEqual([
      ['2026-03-31T03:00:00.000Z', 1],
      ['2026-04-16T03:00:00.000Z', 2],
    ]);
    // Written at 10:00 on a working day, it goes at once: dated that day, with no hour.
    expect(pln[0]!.body).toContain('\nTanggal: 31 Maret 2026\n');
    // WITA: one rung per wake, the next counted from the day the late one was written.
    const bali = await lettersOf(caseId, 'pemprov-bali');
    expect(bali.map(([step]) => step)).toEqual(['reminder_1', 'reminder_2']);
    expect(bali[0]?.[1]).toBe(new Date('2026-03-27T00:00:00.000+08:00').toISOString());
    const timeline = await service.timeline(centralOfficer, caseId, { limit: 100 });
    const skipped = timeline.items.filter((e) => e.type === 'escalation_skipped');
    expect(skipped.map((e) => [e.agencyId, e.data.step, e.data.reason])).toEqual(
      expect.arrayContaining([
        ['pln', 'warning', 'deadline_passed'],
        ['pemprov-bali', 'warning', 'deadline_passed'],
      ]),
    );
  });

  it('takes a step exactly once when the tick fails after writing it and is retried', async () => {
    const caseId = await forward(['polri'], '2026-05-04T03:00:00.000Z');
    const original = store.commitLadder.bind(store);
    let failures = 0;
    store.commitLadder = async (write) => {
      await original(write);
      if (failures === 0) {
        failures += 1;
        throw new Error('connection reset after the write');
      }
    };
    try {
      await advanceTo('2026-05-06T03:00:00.000Z'); // the acknowledgement warning is due
    } finally {
      store.commitLadder = original;
    }
    expect(failures).toBe(1);
    expect(await lettersOf(caseId, 'polri')).toEqual([
      ['warning', wib('2026-05-06'), 'acknowledge'],
    ]);
    // The retried tick wrote nothing new. The letter the failure left pending was written
    // claimed by the tick that failed (as every letter that goes at once is): no one sends it
    // until the claim lapses, 5 minutes on; the sweep then does, once, and records it so.
    const sentHere = () => sent.filter((n) => n.caseId === caseId).map((n) => n.step);
    expect(sentHere()).toEqual([]);
    await advanceTo('2026-05-06T03:06:00.000Z');
    expect(sentHere()).toEqual(['warning']);
    const [letter] = (await store.listNotifications({ caseId }, { limit: 10 })).items;
    expect(letter).toMatchObject({ step: 'warning', status: 'sent', attempts: 2 });
  });

  it("never writes an episode's rung twice, even when the ladder record forgets it took it", async () => {
    const caseId = await forward(['polri'], '2026-08-03T03:00:00.000Z');
    await advanceTo('2026-08-12T03:00:00.000Z'); // silent past its acknowledgement: reminder I
    const before = await lettersOf(caseId, 'polri');
    expect(before.filter(([step]) => step === 'reminder_1')).toHaveLength(1);
    // The ladder record loses its memory of the episode (a bad re-arm, a restore from a
    // backup); the steps' markers remain, and they alone keep the rung from going twice.
    const [ladder] = (await store.getCase(caseId))!.ladders;
    const { state: _forgotten, ...rest } = ladder!;
    await store.putLadder({
      record: {
        ...rest,
        level: 0,
        rung: null,
        lastStepAt: null,
        wakeAt: '2026-08-12T03:00:00.000Z',
        version: ladder!.version + 1,
      },
      expectedVersion: ladder!.version,
    });
    const ref = { caseId, agencyId: 'polri', generation: ladder!.generation, token: ladder!.token };
    // The Tick decides reminder I is due again; the store refuses the step it already took.
    await expect(tick({ store, clock: clock.now, mailer }, ref)).rejects.toMatchObject({
      kind: 'exists',
    });
    expect(await lettersOf(caseId, 'polri')).toEqual(before);
    // Its timer off: the later tests' passes would run it, each Tick refused after its retries.
    await store.putLadder({
      record: { ...ladder!, wakeAt: null, version: ladder!.version + 2 },
      expectedVersion: ladder!.version + 1,
    });
  });

  it('reads what a letter step needs in one consistent request, then numbers, commits and sends', async () => {
    const caseId = await forward(['polri'], '2026-07-13T03:00:00.000Z'); // a Monday
    const [ladder] = (await store.getCase(caseId))!.ladders;
    // As in a process that took a letter step before: its document settings kept by version.
    await store.getDocumentSettings(
      (await store.getAgenciesAndSettingsVersion([])).settingsVersion,
    );
    const calls: string[] = [];
    store.client.middlewareStack.add(
      (next, context) => (args) => {
        const input = args.input as {
          ConsistentRead?: boolean;
          RequestItems?: Record<string, { ConsistentRead?: boolean }>;
        };
        const consistent =
          input.ConsistentRead ?? Object.values(input.RequestItems ?? {})[0]?.ConsistentRead;
        const name = String(context.commandName).replace(/Command$/, '');
        calls.push(consistent ? `${name}, consistent` : name);
        return next(args);
      },
      { step: 'initialize', name: 'countTickCalls' },
    );
    try {
      // Wednesday 10:00 WIB, in letter hours: the acknowledgement warning is due and goes.
      clock.set('2026-07-15T03:00:00.000Z');
      await engine.runOnce({
        caseId,
        agencyId: 'polri',
        generation: ladder!.generation,
        token: ladder!.token,
      });
    } finally {
      store.client.middlewareStack.remove('countTickCalls');
    }
    expect(await lettersOf(caseId, 'polri')).toEqual([
      ['warning', wib('2026-07-15'), 'acknowledge'],
    ]);
    expect(calls).toEqual([
      // The case, the assignment and its ladder, the agency and central, the settings' version.
      'BatchGetItem, consistent',
      'UpdateItem', // the letter's number
      'TransactWriteItems', // the step, exactly once, its letter written claimed by this tick
      'PutItem', // the letter, sent
    ]);
  });

  it('numbers the letters of one pass in one call, consecutively in the order written', async () => {
    // The warning for the follow-up and reminder I fall on the same instant (SILENT_LADDER).
    const caseId = await forward(['polri']);
    const [ladder] = (await store.getCase(caseId))!.ladders;
    const ref = { caseId, agencyId: 'polri', generation: ladder!.generation, token: ladder!.token };
    const shared = wib('2026-03-27');
    clock.set(new Date(Date.parse(shared) - 1).toISOString());
    await engine.runOnce(ref); // the warning of 18 March
    const calls: string[] = [];
    store.client.middlewareStack.add(
      (next, context) => (args) => {
        calls.push(String(context.commandName).replace(/Command$/, ''));
        return next(args);
      },
      { step: 'initialize', name: 'countPassCalls' },
    );
    try {
      clock.set(shared);
      await engine.runOnce(ref);
    } finally {
      store.client.middlewareStack.remove('countPassCalls');
    }
    const written = (await store.listNotifications({ caseId }, { limit: 100 })).items
      .filter((n) => n.scheduledAt === shared)
      .toSorted((x, y) => x.createdAt.localeCompare(y.createdAt) || x.id.localeCompare(y.id));
    expect(written.map((n) => n.step)).toEqual(['warning', 'reminder_1']);
    // Written at midnight, held for letter hours: nothing sent in this pass.
    expect(calls).toEqual(['BatchGetItem', 'UpdateItem', 'TransactWriteItems']);
    const [first, second] = written.map((n) => Number(/^B-(\d+)\//.exec(n.letterNumber!)?.[1]));
    expect(second).toBe(first! + 1);
  });

  it('never doubles a step when two executions of one ladder race', async () => {
    const caseId = await forward(['polri'], '2026-06-08T03:00:00.000Z');
    clock.set('2026-06-20T03:00:00.000Z');
    const { ladders } = (await store.getCase(caseId))!;
    const ref = {
      caseId,
      agencyId: 'polri',
      generation: ladders[0]!.generation,
      token: ladders[0]!.token,
    };
    await Promise.all([engine.runOnce(ref), engine.runOnce(ref), engine.runOnce(ref)]);
    const steps = await lettersOf(caseId, 'polri');
    expect(steps.length).toBeGreaterThanOrEqual(1);
    expect(new Set(steps.map(([step, at]) => `${step}@${at}`)).size).toBe(steps.length);
  });

  it('hands a ladder to a fresh execution at its pass limit: the real definition, Tick and Continue', async () => {
    // On AWS one execution loops Tick → Sleep → Tick for the ladder's whole life; before its
    // history reaches Step Functions' 25,000 events it must start the next segment and end.
    const caseId = await forward(['polri'], '2026-10-05T03:00:00.000Z');
    const [ladder] = (await store.getCase(caseId))!.ladders;
    const ref = { caseId, agencyId: 'polri', generation: ladder!.generation, token: ladder!.token };
    const started: { name?: string; input?: string }[] = [];
    const starter = new SfnLadderStarter({
      // Step Functions' StartExecution, recorded (the next segment's execution).
      client: {
        send: async (command: { input: { name?: string; input?: string } }) => {
          started.push(command.input);
          return { executionArn: 'arn:aws:states:::execution:next' };
        },
      } as never,
      stateMachineArn: 'arn:aws:states:ap-southeast-3:1:stateMachine:Pantau-ladder',
    });
    const machine = localStateMachine(ladderDefinition, {
      TickFunctionArn: 'arn:aws:lambda:ap-southeast-3:1:function:tick',
      ContinueFunctionArn: 'arn:aws:lambda:ap-southeast-3:1:function:continue',
    });
    const ticks: TickResult[] = [];
    const states: string[] = [];
    // An execution three passes short of the limit (its Sleeps cut short: the ladder's timer
    // is days away, and each Tick finds nothing due and plans the same wake again).
    const execution = machine.run(
      { ...ref, tick: { passes: MAX_PASSES_PER_EXECUTION - 3 } },
      {
        overrides: {
          taskResourceLocalHandlers: {
            [STATE.tick]: async (input: unknown) => {
              const result = await tick({ store, clock: clock.now, mailer }, input);
              ticks.push(result);
              if (ticks.length > 5) execution.abort(); // it never hands over: stop the loop
              return result as never;
            },
            [STATE.continueAsNew]: (input: unknown) => continueLadder(starter, input) as never,
          },
          waitTimeOverrides: { [STATE.sleep]: 1 },
          retryIntervalOverrides: { [STATE.tick]: 1, [STATE.continueAsNew]: 1 },
        },
        noThrowOnAbort: true,
      },
    );
    for await (const event of execution.eventLogs)
      if (event.type === 'StateEntered') states.push(event.state.name);
    const output = await execution.result;
    expect(ticks.map((t) => [t.passes, t.continueAsNew, t.done])).toEqual([
      [MAX_PASSES_PER_EXECUTION - 2, false, false],
      [MAX_PASSES_PER_EXECUTION - 1, false, false],
      [MAX_PASSES_PER_EXECUTION, true, false],
    ]);
    expect(states.slice(-3)).toEqual([STATE.tick, STATE.decide, STATE.continueAsNew]);
    expect(output).toMatchObject({ segment: 1 });
    // The next segment: the same ladder, its pass count fresh, which goes on ticking.
    expect(started).toHaveLength(1);
    const next = JSON.parse(started[0]!.input!) as Record<string, unknown>;
    expect(next).toEqual({ ...ref, segment: 1 });
    expect(await tick({ store, clock: clock.now, mailer }, next)).toMatchObject({
      passes: 1,
      continueAsNew: false,
      done: false,
      wakeAt: ticks[2]!.wakeAt,
    });
  });

  it('stops the ladder of a redirected assignment', async () => {
    const caseId = await forward(['pln'], '2026-07-06T03:00:00.000Z');
    await service.redirect(officerOf('pln'), caseId, 'pln', { reason: 'Bukan wewenang kami' });
    await advanceTo('2026-09-01T03:00:00.000Z');
    expect(await lettersOf(caseId, 'pln')).toEqual([]);
    expect((await store.getCase(caseId))!.ladders[0]?.wakeAt).toBeNull();
  });

  it('stops the ladder of an assignment central withdrew, mid-episode: no letter after it', async () => {
    const caseId = await forward(['pemprov-bali'], '2026-09-07T02:00:00.000Z');
    // Silent past its first deadline: the warnings and reminder I are written.
    await advanceTo('2026-09-25T03:00:00.000Z');
    const before = await lettersOf(caseId, 'pemprov-bali');
    expect(before.length).toBeGreaterThan(0);
    await service.withdrawAssignment(centralOfficer, caseId, 'pemprov-bali', {
      reason: 'Pemerintah provinsi bukan instansi yang tepat.',
    });
    await advanceTo('2026-12-31T03:00:00.000Z');
    expect(await lettersOf(caseId, 'pemprov-bali')).toEqual(before);
    expect(
      (await store.getCase(caseId))!.ladders.find((l) => l.agencyId === 'pemprov-bali')?.wakeAt,
    ).toBeNull();
  });
});

describe('re-arming the ladder when deadlines move', () => {
  const admin = { sub: 'admin-1', agency: centralOfficer.agency, role: 'central_admin' as const };

  it('an answer ending an overdue episode re-arms the ladder: the next missed deadline’s reminder I is on time', async () => {
    const caseId = await forward(['polri'], '2026-03-16T03:00:00.000Z');
    const pass = (to: string) =>
      engine.passTime({ now: clock.now, set: (d) => clock.set(d.toISOString()) }, new Date(to));
    // Reminder I on Fri 27 March (acknowledgement due end of 26 March); acknowledged that
    // morning, which ends the episode while its next wake was reminder II (3 April).
    await pass('2026-03-27T03:00:00.000Z');
    await service.acknowledge(officerOf('polri'), caseId, 'polri');
    await engine.runDue();
    // The follow-up is missed at the end of Mon 30 March: a new episode, reminder I at once.
    await pass('2026-04-01T03:00:00.000Z');
    const rungs = (await store.listNotifications({ caseId }, { limit: 100 })).items
      .filter((n) => n.action !== 'warning')
      .map((n) => [n.step, n.episode, n.targets.join('+'), n.createdAt === n.scheduledAt]);
    expect(rungs).toEqual([
      ['reminder_1', 1, 'acknowledge', true],
      ['reminder_1', 2, 'followUp', true],
    ]);
    const timeline = await service.timeline(centralOfficer, caseId, { limit: 100 });
    expect(timeline.items.filter((e) => e.type === 'escalation_step').map((e) => e.at)).toContain(
      wib('2026-03-31'),
    );
  });

  it('re-arms after an approved extension: the open targets move and so do the letters', async () => {
    const caseId = await forward(['polri'], '2026-10-05T03:00:00.000Z');
    // Mon 5 Oct 2026: acknowledge due Thu 8 Oct, follow-up Mon 12 Oct.
    await advanceTo('2026-10-07T03:00:00.000Z');
    const request = await service.requestExtension(officerOf('polri'), caseId, 'polri', {
      workingDays: 10,
      reason: 'Menunggu data dari Polda',
    });
    expect(request.status).toBe('pending');
    await expect(
      service.requestExtension(officerOf('polri'), caseId, 'polri', {
        workingDays: 5,
        reason: 'lagi',
      }),
    ).rejects.toMatchObject({ code: 'already_exists' });
    const decided = await service.decideExtension(centralOfficer, caseId, 'polri', request.id, {
      approve: true,
    });
    expect(decided.status).toBe('approved');
    expect(decided.assignment.due.acknowledge).toBe('2026-10-22T16:59:59.999Z'); // 3 + 10 working days
    await expect(
      service.decideExtension(centralOfficer, caseId, 'polri', request.id, { approve: false }),
    ).rejects.toMatchObject({ code: 'invalid_transition' });
    await advanceTo('2026-10-24T03:00:00.000Z');
    const rungs = (await lettersOf(caseId, 'polri')).filter(([step]) => step !== 'warning');
    // No reminder at the old deadline (8 October); reminder I after the new one.
    expect(rungs).toEqual([['reminder_1', wib('2026-10-23'), 'acknowledge']]);
    const explained = await service.deadlines(centralOfficer, caseId, 'polri');
    expect(explained.targets[0]).toMatchObject({
      workingDays: 13,
      policyWorkingDays: 3,
      adjustments: [{ kind: 'extension', workingDays: 10 }],
    });
  });

  it('respects a holiday added mid-ladder: the deadline moves and the ladder with it', async () => {
    const caseId = await forward(['pln'], '2026-11-02T03:00:00.000Z'); // Mon: acknowledge due Thu 5 Nov
    await advanceTo('2026-11-03T03:00:00.000Z');
    const change = await service.putCalendarDay(admin, 'id', {
      date: '2026-11-04',
      kind: 'other',
      name: 'Libur tambahan (uji)',
    });
    // No job runner here: the job ran inside the edit, to its end.
    expect(change.job).toMatchObject({ state: 'completed', failed: 0 });
    expect(change.job.moved).toBeGreaterThanOrEqual(1);
    const a = await service.getAssignment(centralOfficer, caseId, 'pln');
    expect(a.due.acknowledge).toBe('2026-11-06T16:59:59.999Z');
    await advanceTo('2026-11-09T03:00:00.000Z');
    const rungs = (await lettersOf(caseId, 'pln')).filter(([step]) => step !== 'warning');
    expect(rungs).toEqual([['reminder_1', wib('2026-11-07'), 'acknowledge']]);
    const timeline = await service.timeline(centralOfficer, caseId, { limit: 100 });
    expect(timeline.items.some((e) => e.type === 'deadlines_recomputed')).toBe(true);
    await service.deleteCalendarDay(admin, 'id', '2026-11-04');
  });

  it('sends nothing while the clock is paused, and moves the deadlines by the paused working days', async () => {
    const caseId = await forward(['pemprov-bali'], '2026-11-16T03:00:00.000Z'); // Mon
    await advanceTo('2026-11-17T03:00:00.000Z');
    const paused = await service.pauseAssignment(
      officerOf('pemprov-bali'),
      caseId,
      'pemprov-bali',
      'Menunggu dokumen dari pengadu',
    );
    expect(paused.paused).toBe(true);
    const before = paused.due.acknowledge;
    await advanceTo('2026-11-30T03:00:00.000Z');
    expect(
      (await lettersOf(caseId, 'pemprov-bali')).filter(
        ([, at]) => at! > '2026-11-17T03:00:00.000Z',
      ),
    ).toEqual([]);
    const resumed = await service.resumeAssignment(
      officerOf('pemprov-bali'),
      caseId,
      'pemprov-bali',
    );
    // Paused Tue 17 → Mon 30 November: 18, 19, 20, 23, 24, 25, 26, 27, 30 = 9 working days.
    expect(resumed.paused).toBe(false);
    expect(Date.parse(resumed.due.acknowledge)).toBeGreaterThan(Date.parse(before));
    const explained = await service.deadlines(centralOfficer, caseId, 'pemprov-bali');
    expect(explained.targets[0]!.adjustments).toEqual([
      expect.objectContaining({ kind: 'pause', workingDays: 9 }),
    ]);
    expect(explained.targets[0]!.pausedIntervals).toHaveLength(1);
  });

  it("takes a policy edited by another process (the API's own store) at the engine's next tick", async () => {
    // The API keeps settings for a few seconds and the engine by version: separate stores.
    const api = new Service({
      store: new DynamoStore({
        client: store.client,
        tableName: store.tableName,
        settingsTtlMs: API_SETTINGS_TTL_MS,
      }),
      clock: clock.now,
      ladders: engine,
    });
    // Mon 7 Sep: acknowledge due Thu 10 Sep, its warning on Tue 8 Sep. The engine keeps the policy.
    const caseId = await forward(['pln'], '2026-09-07T03:00:00.000Z');
    const policy = await api.getPolicy('default');
    const { id: _id, version: _v, updatedAt: _u, ...body } = policy;
    await api.putPolicy(admin, 'default', {
      ...body,
      ladder: body.ladder.filter((step) => step.name !== 'warning'),
    });
    await advanceTo('2026-09-11T03:00:00.000Z');
    expect((await lettersOf(caseId, 'pln')).map(([step]) => step)).toEqual(['reminder_1']);
    await api.putPolicy(admin, 'default', body);
  });

  it('applies an edited policy to open assignments and re-arms their ladders', async () => {
    const caseId = await forward(['polri'], '2026-12-07T03:00:00.000Z'); // Mon
    const policy = await service.getPolicy('default');
    const { id: _id, version: _v, updatedAt: _u, ...body } = policy;
    const result = await service.putPolicy(admin, 'default', {
      ...body,
      acknowledgeWorkingDays: 1,
    });
    expect(result.policy.version).toBe(policy.version + 1);
    expect(result.job).toMatchObject({ state: 'completed', failed: 0 });
    expect(result.job.moved).toBeGreaterThanOrEqual(1);
    const a = await service.getAssignment(centralOfficer, caseId, 'polri');
    expect(a.due.acknowledge).toBe('2026-12-08T16:59:59.999Z');
    await advanceTo('2026-12-09T03:00:00.000Z');
    expect((await lettersOf(caseId, 'polri')).filter(([step]) => step === 'reminder_1')).toEqual([
      ['reminder_1', wib('2026-12-09'), 'acknowledge'],
    ]);
    await service.putPolicy(admin, 'default', body);
  });
});

describe('the complainant’s reply window', () => {
  it('opens when the last final answer comes, closes the case when it ends in silence', async () => {
    const caseId = await forward(['polri', 'pln'], '2027-01-04T03:00:00.000Z');
    await service.respond(officerOf('polri'), caseId, 'polri', {
      kind: 'final',
      message: 'Selesai.',
    });
    expect((await service.getCase(centralOfficer, caseId)).status).toBe('in_follow_up');
    clock.set('2027-01-05T03:00:00.000Z');
    await service.respond(officerOf('pln'), caseId, 'pln', {
      kind: 'final',
      message: 'Selesai juga.',
    });
    const resolved = await store.getCase(caseId);
    expect(resolved!.case.status).toBe('resolved');
    // 10 working days (WIB) from Tue 5 January 2027; 2027 has no holidays in the calendar yet.
    expect(resolved!.case.replyWindow?.closesAt).toBe('2027-01-19T16:59:59.999Z');
    const code = resolved!.case.trackingCode;
    expect((await service.track(code)).replyWindowClosesAt).toBe('2027-01-19T16:59:59.999Z');
    // A coordination meeting planned for after the window: the close calls it off.
    const planned = await service.planActivity(centralOfficer, caseId, {
      kind: 'coordination',
      scheduledAt: '2027-01-27T03:00:00.000Z',
      agencyIds: ['polri'],
    });

    await advanceTo('2027-01-19T16:00:00.000Z');
    expect((await service.getCase(centralOfficer, caseId)).status).toBe('resolved');
    await advanceTo('2027-01-20T01:00:00.000Z');
    const closed = await service.getCase(centralOfficer, caseId);
    expect(closed).toMatchObject({ status: 'closed', closure: { outcome: 'resolved' } });
    await expect(service.reply(code, { satisfied: true, rating: 5 })).rejects.toMatchObject({
      code: 'invalid_transition',
    });
    const timeline = await service.timeline(centralOfficer, caseId, { limit: 100 });
    expect(timeline.items.filter((e) => e.type === 'reply_window_ended')).toHaveLength(1);
    expect(
      (await service.getCase(centralOfficer, caseId)).activities.find((a) => a.id === planned.id),
    ).toMatchObject({ status: 'cancelled' });
    expect(timeline.items.filter((e) => e.type === 'activity_cancelled')).toHaveLength(1);
  });

  it('reopens the case to central when the complainant is not satisfied, and the window timer then does nothing', async () => {
    const caseId = await forward(['polri'], '2027-02-01T03:00:00.000Z');
    await service.respond(officerOf('polri'), caseId, 'polri', {
      kind: 'final',
      message: 'Selesai.',
    });
    const code = (await store.getCase(caseId))!.case.trackingCode;
    clock.set('2027-02-03T03:00:00.000Z');
    const after = await service.reply(code.toLowerCase(), {
      satisfied: false,
      rating: 2,
      message: 'Belum ada penyelesaian nyata.',
    });
    expect(after).toMatchObject({ status: 'reopened', replyWindowClosesAt: null });
    const timeline = await service.timeline(centralOfficer, caseId, { limit: 100 });
    expect(timeline.items.find((e) => e.type === 'complainant_replied')).toMatchObject({
      actor: { complainant: true },
      data: { satisfied: false, rating: 2, message: 'Belum ada penyelesaian nyata.' },
    });
    await expect(service.reply(code, { satisfied: true, rating: 5 })).rejects.toMatchObject({
      code: 'invalid_transition',
    });
    // Central forwards it again, to the same agency (its completed assignment starts a new generation).
    const again = await service.forward(centralOfficer, caseId, {
      assignments: [{ agencyId: 'polri' }],
    });
    expect(again.items[0]).toMatchObject({ state: 'pending', generation: 2 });
    await advanceTo('2027-03-15T03:00:00.000Z');
    expect((await service.getCase(centralOfficer, caseId)).status).not.toBe('closed');
  });

  it('closes the case when the complainant is satisfied', async () => {
    const caseId = await forward(['pln'], '2027-03-01T03:00:00.000Z');
    await service.respond(officerOf('pln'), caseId, 'pln', { kind: 'final', message: 'Selesai.' });
    const code = (await store.getCase(caseId))!.case.trackingCode;
    expect(await service.reply(code, { satisfied: true, rating: 5 })).toMatchObject({
      status: 'closed',
    });
  });
});
