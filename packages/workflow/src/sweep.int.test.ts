/**
 * The AWS safety net on DynamoDB Local, with Step Functions mocked (aws-sdk-client-mock): no
 * local engine has an execution that fails after its retries or a StartExecution lost after
 * a commit, so the sweep is shown each answer DescribeExecution can give, and what it starts.
 */
import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  type ExecutionStatus,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import {
  formatLocal,
  type LadderRef,
  type Mailer,
  MAX_DELIVERY_ATTEMPTS,
  type NotificationRecord,
  Service,
  WriteConflict,
} from '@pantau/core';
import type { DynamoStore } from '@pantau/store';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addAgencies,
  centralAdmin,
  centralOfficer,
  forwardedCase,
  freshStore,
  manualClock,
  officerOf,
} from '../../../test/support/dynamodb.ts';
import { executionName, SfnLadderStarter } from './aws.ts';
import type { BusinessMetrics, MetricName } from './metrics.ts';
import { sweep, TIME_RESERVE_MS } from './sweep.ts';
import { deliver } from './delivery.ts';
import { tick } from './tick.ts';

const ARN = 'arn:aws:states:ap-southeast-3:111122223333:stateMachine:Pantau-ladder';
const sfn = mockClient(SFNClient);
afterEach(() => sfn.reset());

let store: DynamoStore;
const clock = manualClock('2026-03-16T03:00:00.000Z');
/** What the API armed: recorded, never started (as if StartExecution failed after the commit). */
const armedByApi: LadderRef[] = [];
const lostStarts = { arm: async (ref: LadderRef) => void armedByApi.push(ref) };
const ladders = new SfnLadderStarter({
  client: new SFNClient({ region: 'ap-southeast-3' }),
  stateMachineArn: ARN,
  correlationId: () => 'sweep-run-1',
});
const counted: [MetricName, number][] = [];
const metrics: BusinessMetrics = {
  count: (name, value) => void counted.push([name, value]),
  seconds: (name, value) => void counted.push([name, value]),
};
const sent: NotificationRecord[] = [];
const working: Mailer = { send: async (n) => void sent.push(n) };
const failing: Mailer = { send: async () => Promise.reject(new Error('SES throttled')) };

const doesNotExist = () => new ExecutionDoesNotExist({ message: 'none', $metadata: {} });
/** Step Functions knows these executions, by name, and no others. */
const executions = (known: Record<string, ExecutionStatus>) =>
  sfn.on(DescribeExecutionCommand).callsFake(({ executionArn }: { executionArn: string }) => {
    const status = known[executionArn.split(':').at(-1)!];
    if (!status) throw doesNotExist();
    return { status };
  });
const started = () =>
  sfn.commandCalls(StartExecutionCommand).map((call) => {
    const input = call.args[0].input;
    return { name: input.name, input: JSON.parse(input.input!) as Record<string, unknown> };
  });
const letters = async (caseId: string) =>
  (await store.listNotifications({ caseId }, { limit: 10 })).items;

/**
 * A case forwarded to Polri on `monday` at 10:00 WIB, and the warning of its acknowledgement's
 * deadline written by its Tick at Wednesday 00:00 WIB: held in the outbox for 08:00.
 */
async function heldWarning(monday: string) {
  clock.set(`${monday}T03:00:00.000Z`);
  const service = new Service({ store, clock: clock.now, ladders: lostStarts });
  const { caseId } = await forwardedCase(service, ['polri'], 'light');
  clock.set(new Date(Date.parse(`${monday}T17:00:00.000Z`) + 86_400_000).toISOString());
  await tick({ store, clock: clock.now, mailer: working }, armedByApi.at(-1)!);
  return { service, caseId };
}

/**
 * That warning read from the outbox at Wednesday 08:05 WIB, as a Tick or a sweep about to send
 * it reads it; `answerAndSweep` is the officer acknowledging and a sweep that runs meanwhile.
 */
async function readAt0805(monday: string) {
  const { service, caseId } = await heldWarning(monday);
  sfn.on(DescribeExecutionCommand).resolves({ status: 'RUNNING' });
  clock.set(new Date(Date.parse(`${monday}T01:05:00.000Z`) + 2 * 86_400_000).toISOString());
  const [held] = await store.listAllUndelivered(10);
  const answerAndSweep = async () => {
    await service.acknowledge(officerOf('polri'), caseId, 'polri');
    return sweep({ store, clock: clock.now, mailer: working, ladders });
  };
  return { caseId, held: held!, answerAndSweep };
}

// A table per test: each sweep sees only its own test's ladders and letters.
beforeEach(async () => {
  store = await freshStore();
  await addAgencies(new Service({ store, clock: clock.now }), [{ id: 'polri' }, { id: 'pln' }]);
});

/** A forwarded case whose ladder was armed but never started; `minutes` later. */
async function lostLadder(at: string, minutes: number) {
  clock.set(at);
  const service = new Service({ store, clock: clock.now, ladders: lostStarts });
  await forwardedCase(service, ['polri'], 'light');
  const ref = armedByApi.at(-1)!;
  clock.set(new Date(Date.parse(at) + minutes * 60_000).toISOString());
  return ref;
}

describe('the sweep restarts ladders past due with no live execution', () => {
  it('starts a ladder never started under its own deterministic name, and a second start is no error', async () => {
    const ref = await lostLadder('2026-03-16T03:00:00.000Z', 20);
    sfn.on(DescribeExecutionCommand).rejects(doesNotExist());
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn' });
    const result = await sweep({ store, clock: clock.now, mailer: working, ladders, metrics });
    expect(result).toMatchObject({ restarted: 1, failedLadders: 0, running: 0 });
    // The same name the API would have used: had its start gone through after all, this one
    // is refused and nothing runs twice.
    expect(started()).toEqual([
      {
        name: executionName(ref),
        input: {
          caseId: ref.caseId,
          agencyId: ref.agencyId,
          generation: ref.generation,
          token: ref.token,
          correlationId: 'sweep-run-1',
        },
      },
    ]);
    expect(sfn.commandCalls(DescribeExecutionCommand)[0]!.args[0].input.executionArn).toBe(
      `arn:aws:states:ap-southeast-3:111122223333:execution:Pantau-ladder:${executionName(ref)}`,
    );

    // Another sweep (or the API's retry) got there first: ExecutionAlreadyExists is success.
    sfn.reset();
    sfn.on(DescribeExecutionCommand).rejects(doesNotExist());
    sfn
      .on(StartExecutionCommand)
      .rejects(new ExecutionAlreadyExists({ message: 'exists', $metadata: {} }));
    await expect(
      sweep({ store, clock: clock.now, mailer: working, ladders }),
    ).resolves.toMatchObject({ restarted: 1 });
    // The record kept its token: the execution found running later is this ladder's.
    const [ladder] = await store.getLadders([ref]);
    expect(ladder?.token).toBe(ref.token);
  });

  it('restarts a ladder whose execution failed with a new token (a new name), counted as failed', async () => {
    const ref = await lostLadder('2026-03-17T03:00:00.000Z', 30);
    executions({ [executionName(ref)]: 'FAILED' });
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn' });
    counted.length = 0;
    const result = await sweep({ store, clock: clock.now, mailer: working, ladders, metrics });
    expect(result).toMatchObject({ restarted: 1, failedLadders: 1 });
    const next = { ...ref, token: ref.token + 1 };
    expect(started().map((s) => s.name)).toEqual([executionName(next)]);
    expect((await store.getLadders([ref]))[0]).toMatchObject({ token: ref.token + 1 });
    expect(counted).toContainEqual(['LaddersFailed', 1]);
    expect(counted).toContainEqual(['LaddersRestarted', 1]);

    // The failed execution, were it to wake, stops at the old token.
    expect(await tick({ store, clock: clock.now, mailer: working }, ref)).toMatchObject({
      done: true,
      taken: 0,
    });
  });

  it('follows a ladder through its segments, and leaves a running execution alone', async () => {
    const ref = await lostLadder('2026-03-18T03:00:00.000Z', 20);
    // Segment 0 continued as segment 1, which runs (retrying its tick, say).
    executions({ [executionName(ref)]: 'SUCCEEDED', [executionName(ref, 1)]: 'RUNNING' });
    const result = await sweep({ store, clock: clock.now, mailer: working, ladders });
    expect(result).toMatchObject({ restarted: 0, running: 1 });
    expect(started()).toEqual([]);
  });
});

describe('the sweep looks after the outbox', () => {
  it('delivers a letter a crash left behind once it is a few minutes old, not before', async () => {
    clock.set('2026-04-06T03:00:00.000Z');
    const service = new Service({ store, clock: clock.now, ladders: lostStarts });
    await forwardedCase(service, ['pln'], 'light');
    const ref = armedByApi.at(-1)!;
    // Two days on the tick writes the warning and its delivery is lost (a crash: the mailer
    // never returns, modelled by a mailer that records nothing and a letter left pending,
    // claimed: the attempt it may have made is counted).
    clock.set('2026-04-08T03:00:00.000Z');
    const crashed: Mailer = { send: () => new Promise(() => undefined) };
    void tick({ store, clock: clock.now, mailer: crashed }, ref);
    await expect.poll(async () => (await letters(ref.caseId)).length).toBe(1);
    sfn.on(DescribeExecutionCommand).resolves({ status: 'RUNNING' });

    clock.set('2026-04-08T03:02:00.000Z');
    sent.length = 0;
    expect(
      await sweep({ store, clock: clock.now, mailer: working, ladders, metrics }),
    ).toMatchObject({ delivered: 0, oldestUndeliveredSeconds: 120 });
    clock.set('2026-04-08T03:06:00.000Z');
    expect(await sweep({ store, clock: clock.now, mailer: working, ladders })).toMatchObject({
      delivered: 1,
    });
    expect(sent.map((n) => n.caseId)).toEqual([ref.caseId]);
    expect((await letters(ref.caseId))[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('sends a refused forwarding letter on its retry (it names no deadline to have moved)', async () => {
    clock.set('2026-05-04T03:00:00.000Z');
    const service = new Service({
      store,
      clock: clock.now,
      ladders: lostStarts,
      forwardingLetters: true,
    });
    const { caseId } = await forwardedCase(service, ['polri'], 'light');
    await tick({ store, clock: clock.now, mailer: failing }, armedByApi.at(-1)!);
    const [refused] = await letters(caseId);
    expect(refused).toMatchObject({ action: 'forwarding', status: 'pending', attempts: 1 });
    sfn.on(DescribeExecutionCommand).resolves({ status: 'RUNNING' });
    sent.length = 0;
    clock.set('2026-05-04T03:15:00.000Z');
    expect(await sweep({ store, clock: clock.now, mailer: working, ladders })).toMatchObject({
      delivered: 1,
      cancelledLetters: 0,
    });
    expect(sent.map((n) => n.action)).toEqual(['forwarding']);
  });

  it('retries a refused letter after a doubling backoff, then marks it failed for central', async () => {
    clock.set('2026-05-04T03:00:00.000Z');
    const service = new Service({ store, clock: clock.now, ladders: lostStarts });
    await forwardedCase(service, ['polri'], 'light');
    const ref = armedByApi.at(-1)!;
    clock.set('2026-05-06T03:00:00.000Z');
    await tick({ store, clock: clock.now, mailer: failing }, ref);
    const [refused] = await letters(ref.caseId);
    expect(refused).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'SES throttled',
      nextAttemptAt: '2026-05-06T03:15:00.000Z',
    });
    sfn.on(DescribeExecutionCommand).resolves({ status: 'RUNNING' });
    const run = (at: string, mailer: Mailer) => {
      clock.set(at);
      return sweep({ store, clock: clock.now, mailer, ladders, metrics });
    };
    // Within the backoff nothing is tried; after it, each refusal doubles the wait.
    expect(await run('2026-05-06T03:10:00.000Z', failing)).toMatchObject({ refused: 0 });
    expect(await run('2026-05-06T03:15:00.000Z', failing)).toMatchObject({ refused: 1 });
    expect((await letters(ref.caseId))[0]?.nextAttemptAt).toBe('2026-05-06T03:45:00.000Z');
    expect(await run('2026-05-06T03:40:00.000Z', failing)).toMatchObject({ refused: 0 });
    expect(await run('2026-05-06T03:45:00.000Z', failing)).toMatchObject({ refused: 1 });
    expect(await run('2026-05-06T04:45:00.000Z', failing)).toMatchObject({ refused: 1 });
    counted.length = 0;
    const last = await run('2026-05-06T06:45:00.000Z', failing);
    expect(last).toMatchObject({ failedLetters: 1 });
    expect(counted).toContainEqual(['LettersFailed', 1]);

    const [failed] = await letters(ref.caseId);
    expect(failed).toMatchObject({ status: 'failed', attempts: MAX_DELIVERY_ATTEMPTS });
    // It leaves the outbox (no more attempts, the age alarm clears) for central's list.
    expect((await store.listAllUndelivered(100)).map((n) => n.id)).not.toContain(failed!.id);
    expect((await store.listFailedNotifications({ limit: 100 })).items.map((n) => n.id)).toContain(
      failed!.id,
    );
    // Central's desk card counts them (its total, asked on the first page).
    const listed = await service.listFailedNotifications(centralOfficer, { limit: 1, total: true });
    expect(listed.total).toBe((await store.listFailedNotifications({ limit: 100 })).items.length);
    expect(listed.total).toBeGreaterThan(0);
    expect(await run('2026-05-07T06:45:00.000Z', working)).toMatchObject({ delivered: 0 });
  });

  it('tries a refused letter again at the agency’s corrected address, not the old one (audit s23, finding 2)', async () => {
    clock.set('2026-05-18T03:00:00.000Z');
    const service = new Service({ store, clock: clock.now, ladders: lostStarts });
    const { caseId } = await forwardedCase(service, ['polri'], 'light');
    clock.set('2026-05-20T03:00:00.000Z');
    await tick({ store, clock: clock.now, mailer: failing }, armedByApi.at(-1)!);
    const refused = await letters(caseId);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.map((n) => [n.status, n.attempts, n.recipients])).toEqual(
      refused.map(() => ['pending', 1, ['liaison@polri.example.go.id']]),
    );
    // Central corrects the liaison's address while the letters wait out their backoff.
    await service.updateAgency(centralAdmin, 'polri', {
      contacts: [{ name: 'Humas', email: 'humas@polri.example.go.id', kind: 'liaison' }],
    });
    sfn.on(DescribeExecutionCommand).resolves({ status: 'RUNNING' });
    sent.length = 0;
    clock.set('2026-05-20T03:15:00.000Z');
    expect(await sweep({ store, clock: clock.now, mailer: working, ladders })).toMatchObject({
      delivered: refused.length,
    });
    const corrected = ['humas@polri.example.go.id'];
    expect(sent.map((n) => [n.step, n.recipients]).sort()).toEqual(
      refused.map((n) => [n.step, corrected]).sort(),
    );
    // Recorded with the address it went to.
    expect((await letters(caseId)).map((n) => [n.status, n.recipients])).toEqual(
      refused.map(() => ['sent', corrected]),
    );
  });

  /** A light case forwarded to polri whose warning the mailer refused five times: failed. */
  const failedLetter = async (day: string) => {
    clock.set(`${day}T03:00:00.000Z`);
    const service = new Service({ store, clock: clock.now, ladders: lostStarts });
    const { caseId } = await forwardedCase(service, ['polri'], 'light');
    const ref = armedByApi.at(-1)!;
    const warned = new Date(Date.parse(`${day}T03:00:00.000Z`) + 2 * 86_400_000);
    clock.set(warned.toISOString());
    await tick({ store, clock: clock.now, mailer: failing }, ref);
    sfn.on(DescribeExecutionCommand).resolves({ status: 'RUNNING' });
    for (const minutes of [15, 45, 105, 225]) {
      clock.set(new Date(warned.getTime() + minutes * 60_000).toISOString());
      await sweep({ store, clock: clock.now, mailer: failing, ladders });
    }
    const [letter] = await letters(caseId);
    expect(letter).toMatchObject({ status: 'failed', attempts: MAX_DELIVERY_ATTEMPTS });
    return { service, caseId, letter: letter! };
  };

  it('sends a failed letter again when central asks, to the agency’s corrected address', async () => {
    const { service, caseId, letter } = await failedLetter('2026-05-04');
    expect(letter.recipients).toEqual(['liaison@polri.example.go.id']);
    // Central corrects the liaison's address on the agencies page, then sends it again.
    await service.updateAgency(centralAdmin, 'polri', {
      contacts: [{ name: 'Humas', email: 'humas@polri.example.go.id', kind: 'liaison' }],
    });
    clock.set('2026-05-06T08:00:00.000Z');
    const again = await service.resendLetter(centralOfficer, caseId, letter.id);
    expect(again).toMatchObject({
      id: letter.id,
      status: 'pending',
      recipients: ['humas@polri.example.go.id'],
      attempts: 0,
      lastError: null,
    });
    // Off central's list of failed letters; a second click finds it sent again already.
    expect((await store.listFailedNotifications({ limit: 100 })).items).toEqual([]);
    await expect(service.resendLetter(centralOfficer, caseId, letter.id)).rejects.toMatchObject({
      code: 'invalid_transition',
    });
    // The next sweep delivers it, once, to the new address: the same letter, as written. Its
    // age in the outbox counts from the resend, not from its date (no false age alarm).
    sent.length = 0;
    clock.set('2026-05-06T08:05:00.000Z');
    expect(await sweep({ store, clock: clock.now, mailer: working, ladders })).toMatchObject({
      delivered: 1,
      oldestUndeliveredSeconds: 300,
    });
    expect(sent.map((n) => [n.id, n.recipients, n.body])).toEqual([
      [letter.id, ['humas@polri.example.go.id'], letter.body],
    ]);
    expect(await sweep({ store, clock: clock.now, mailer: working, ladders })).toMatchObject({
      delivered: 0,
    });
    // The timeline says who sent it again, and to whom.
    const events = (await service.timeline(centralOfficer, caseId, { limit: 100 })).items;
    expect(events.filter((e) => e.type === 'letter_resent')).toEqual([
      expect.objectContaining({
        actor: centralOfficer,
        agencyId: 'polri',
        data: {
          notificationId: letter.id,
          step: letter.step,
          recipients: ['humas@polri.example.go.id'],
          cc: [],
        },
      }),
    ]);
    // The agency reads that it was sent again, not the addresses (a delegated member unit
    // reading its focal point's events may not hold the focal point's or central's).
    const theirs = (await service.timeline(officerOf('polri'), caseId, { limit: 100 })).items;
    expect(theirs.filter((e) => e.type === 'letter_resent').map((e) => e.data)).toEqual([
      { notificationId: letter.id, step: letter.step },
    ]);
  });

  it('keeps a resend against a delivery outcome, or a click, from before it', async () => {
    const { service, caseId, letter } = await failedLetter('2026-05-11');
    // A deliverer that read the letter before its last refusal is still sending that copy.
    const stale: NotificationRecord = {
      ...letter,
      status: 'pending',
      attempts: MAX_DELIVERY_ATTEMPTS - 1,
      nextAttemptAt: '2026-05-13T05:00:00.000Z',
    };
    clock.set('2026-05-13T07:00:00.000Z'); // 14:00 WIB
    const round2 = await service.resendLetter(centralOfficer, caseId, letter.id);
    sent.length = 0;
    expect(await deliver({ store, clock: clock.now, mailer: working }, stale)).toBeUndefined();
    // Its claim on a copy from before the resend does not land: not sent from that copy, and
    // the resend stands: the letter waits for the sweep, as resent.
    expect(sent).toEqual([]);
    expect((await letters(caseId))[0]).toMatchObject({
      status: 'pending',
      attempts: 0,
      recipients: round2.recipients,
      resentAt: '2026-05-13T07:00:00.000Z',
    });
    // The resent round fails as well (its last retry waits for letter hours on Monday, past
    // Ascension): a click made on the first round's copy does nothing.
    for (const at of ['13T07:05', '13T07:20', '13T07:50', '13T08:50', '18T01:00']) {
      clock.set(`2026-05-${at}:00.000Z`);
      await sweep({ store, clock: clock.now, mailer: failing, ladders });
    }
    expect((await letters(caseId))[0]).toMatchObject({ status: 'failed', attempts: 5 });
    await expect(
      store.changeFailedNotification({ ...letter, handled: { at: 'x', note: 'y' } }, letter, {
        id: 'e-stale',
        caseId,
        at: clock.now().toISOString(),
        type: 'letter_dismissed',
        actor: centralOfficer,
        agencyId: 'polri',
        data: {},
      }),
    ).rejects.toBeInstanceOf(WriteConflict);
  });

  it('does not send a letter again that would no longer be true', async () => {
    const { service, caseId, letter } = await failedLetter('2026-05-18');
    expect(letter).toMatchObject({ action: 'warning' });
    // The warning was of acknowledging; the agency has acknowledged since.
    await service.acknowledge(officerOf('polri'), caseId, 'polri');
    await expect(service.resendLetter(centralOfficer, caseId, letter.id)).rejects.toMatchObject({
      code: 'invalid_transition',
      message: expect.stringContaining('targets_met'),
    });
  });

  it('does not send a failed letter again once its assignment has ended, nor at an agency’s request', async () => {
    const { service, caseId, letter } = await failedLetter('2026-06-01');
    await expect(service.resendLetter(officerOf('polri'), caseId, letter.id)).rejects.toMatchObject(
      { code: 'forbidden' },
    );
    // The agency answered meanwhile: a warning of a deadline would no longer be true.
    await service.respond(officerOf('polri'), caseId, 'polri', {
      kind: 'final',
      message: 'Sudah ditindaklanjuti.',
    });
    await expect(service.resendLetter(centralOfficer, caseId, letter.id)).rejects.toMatchObject({
      code: 'invalid_transition',
    });
    await expect(
      service.resendLetter(centralOfficer, caseId, 'no-such-letter'),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect((await letters(caseId))[0]).toMatchObject({ status: 'failed' });
  });

  it('marks a failed letter handled, with how, off the list and never sent', async () => {
    const { service, caseId, letter } = await failedLetter('2026-07-06');
    // The agency answered meanwhile: the letter cannot go again, but central can close it off.
    await service.respond(officerOf('polri'), caseId, 'polri', {
      kind: 'final',
      message: 'Sudah ditindaklanjuti.',
    });
    await expect(
      service.dismissLetter(officerOf('polri'), caseId, letter.id, { note: 'x' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    clock.set('2026-07-08T09:00:00.000Z');
    const note = 'Disampaikan melalui telepon kepada Humas Polri; nomor surel diperbarui.';
    expect(await service.dismissLetter(centralOfficer, caseId, letter.id, { note })).toMatchObject({
      id: letter.id,
      status: 'failed',
      handled: { at: '2026-07-08T09:00:00.000Z', note },
    });
    expect((await store.listFailedNotifications({ limit: 100 })).items).toEqual([]);
    for (const again of [
      () => service.dismissLetter(centralOfficer, caseId, letter.id, { note }),
      () => service.resendLetter(centralOfficer, caseId, letter.id),
    ])
      await expect(again()).rejects.toMatchObject({ code: 'invalid_transition' });
    sent.length = 0;
    expect(await sweep({ store, clock: clock.now, mailer: working, ladders })).toMatchObject({
      delivered: 0,
    });
    expect(sent).toEqual([]);
    const events = (await service.timeline(centralOfficer, caseId, { limit: 100 })).items;
    expect(events.filter((e) => e.type === 'letter_dismissed')).toEqual([
      expect.objectContaining({
        actor: centralOfficer,
        agencyId: 'polri',
        data: { notificationId: letter.id, step: letter.step, note },
      }),
    ]);
    // Central's note stays central's: the agency reads that it was handled, and when.
    const polri = officerOf('polri');
    const theirs = (await service.timeline(polri, caseId, { limit: 100 })).items;
    expect(theirs.filter((e) => e.type === 'letter_dismissed').map((e) => e.data)).toEqual([
      { notificationId: letter.id, step: letter.step },
    ]);
    const listed = await service.listNotifications(polri, { caseId, limit: 10 });
    expect(listed.items.map((n) => n.handled)).toEqual([
      { at: '2026-07-08T09:00:00.000Z', note: null },
    ]);
  });

  it('sends the letters written overnight from 08:00, as many a run as it may take', async () => {
    clock.set('2026-05-04T03:00:00.000Z'); // Monday 10:00 WIB
    const service = new Service({ store, clock: clock.now, ladders: lostStarts });
    const refs = [];
    for (let i = 0; i < 3; i += 1) {
      await forwardedCase(service, ['polri'], 'light');
      refs.push(armedByApi.at(-1)!);
    }
    // Wednesday 00:00 WIB: each ladder writes its warning, dated then, and sends nothing.
    clock.set('2026-05-05T17:00:00.000Z');
    sent.length = 0;
    for (const ref of refs) await tick({ store, clock: clock.now, mailer: working }, ref);
    expect(sent).toEqual([]);
    sfn.on(DescribeExecutionCommand).resolves({ status: 'RUNNING' });
    // Through the night the sweep leaves them be, and the outbox's age does not grow.
    clock.set('2026-05-06T00:30:00.000Z');
    expect(await sweep({ store, clock: clock.now, mailer: working, ladders })).toMatchObject({
      delivered: 0,
      oldestUndeliveredSeconds: 0,
    });
    // From 08:00 WIB (and the grace) they go, as many a run as its limit allows.
    clock.set('2026-05-06T01:05:00.000Z');
    const run = () =>
      sweep({ store, clock: clock.now, mailer: working, ladders }, { letterLimit: 2 });
    expect(await run()).toMatchObject({ delivered: 2 });
    expect(await run()).toMatchObject({ delivered: 1 });
    expect(new Set(sent.map((n) => n.caseId))).toEqual(new Set(refs.map((r) => r.caseId)));
    expect(sent.every((n) => n.createdAt === '2026-05-05T17:00:00.000Z')).toBe(true);
  });

  it('does not send a letter held overnight that the agency made untrue before 08:00', async () => {
    const { service, caseId } = await heldWarning('2026-05-11');
    // 07:30 WIB: the officer starting early acknowledges.
    clock.set('2026-05-13T00:30:00.000Z');
    await service.acknowledge(officerOf('polri'), caseId, 'polri');
    sfn.on(DescribeExecutionCommand).resolves({ status: 'RUNNING' });
    sent.length = 0;
    clock.set('2026-05-13T01:05:00.000Z');
    expect(await sweep({ store, clock: clock.now, mailer: working, ladders })).toMatchObject({
      delivered: 0,
      cancelledLetters: 1,
    });
    expect(sent).toEqual([]);
    const [warning] = await letters(caseId);
    expect(warning).toMatchObject({
      step: 'warning',
      status: 'cancelled',
      cancelled: { at: '2026-05-13T01:05:00.000Z', reason: 'targets_met' },
    });
    expect(await store.listAllUndelivered(100)).toEqual([]);
    // The letters log says so, to central and to the agency.
    const listed = await service.listNotifications(officerOf('polri'), { caseId, limit: 10 });
    expect(listed.items[0]).toMatchObject({
      status: 'cancelled',
      cancelled: { reason: 'targets_met' },
      sendsAt: null,
    });
  });

  it('sends a held reminder naming only what is still missing when the agency met part of it before 08:00', async () => {
    // Forwarded Monday 7 September 10:00 WIB; its ladder next wakes Tuesday 15 September 00:00
    // (late: after the follow-up's deadline too), and writes one reminder naming all three.
    clock.set('2026-09-07T03:00:00.000Z');
    const service = new Service({ store, clock: clock.now, ladders: lostStarts });
    const { caseId } = await forwardedCase(service, ['polri'], 'light');
    clock.set('2026-09-14T17:00:00.000Z');
    await tick({ store, clock: clock.now, mailer: working }, armedByApi.at(-1)!);
    const [written] = await letters(caseId);
    expect(written).toMatchObject({
      action: 'reminder',
      status: 'pending',
      targets: ['acknowledge', 'followUp', 'resolution'],
    });
    expect(written!.body).toContain('- Konfirmasi penerimaan pengaduan: batas waktu');
    // 07:30 WIB: the officer acknowledges; the follow-up and the resolution are still owed.
    clock.set('2026-09-15T00:30:00.000Z');
    await service.acknowledge(officerOf('polri'), caseId, 'polri');
    sent.length = 0;
    clock.set('2026-09-15T01:05:00.000Z');
    expect(await sweep({ store, clock: clock.now, mailer: working })).toMatchObject({
      delivered: 1,
      cancelledLetters: 0,
    });
    // The letter that went, e-mail and PDF, says nothing of the acknowledgement: its number,
    // date and the rest of its text as written.
    const [went] = sent;
    const listed = (n: NotificationRecord) =>
      n.document!.blocks.flatMap((b) => (b.kind === 'list' ? b.items : []));
    expect(went!.body).not.toContain('Konfirmasi penerimaan');
    expect(went!.body).toContain('- Laporan tindak lanjut awal: batas waktu');
    expect(went!.body).toContain('- Laporan penyelesaian tindak lanjut: batas waktu');
    expect(listed(went!)).toEqual(listed(written!).slice(1));
    expect(went).toMatchObject({
      letterNumber: written!.letterNumber,
      createdAt: written!.createdAt,
      subject: written!.subject,
      targets: ['followUp', 'resolution'],
      target: 'followUp',
    });
    expect(went!.document!.placeAndDate).toBe(written!.document!.placeAndDate);
    // As recorded: the letters log and its PDF show the letter that went.
    const [stored] = await letters(caseId);
    expect(stored).toMatchObject({ status: 'sent', body: went!.body, targets: went!.targets });
    expect(stored!.document).toEqual(went!.document);
  });

  it('sends a held letter under the subject as central restated it before 08:00 (a name taken out), in its e-mail and its PDF', async () => {
    const { service, caseId } = await heldWarning('2026-06-01');
    const [written] = await letters(caseId);
    const OLD = 'Sertifikat tanah belum terbit';
    expect(written!.body).toContain(`Pokok pengaduan: ${OLD}`);
    // 07:30 WIB central restates the subject (say, to take a complainant's name out).
    clock.set('2026-06-03T00:30:00.000Z');
    const NEW = 'Sertifikat tanah warga belum terbit';
    await service.restateCase(centralOfficer, caseId, { subject: NEW });
    sfn.on(DescribeExecutionCommand).resolves({ status: 'RUNNING' });
    sent.length = 0;
    clock.set('2026-06-03T01:05:00.000Z');
    expect(await sweep({ store, clock: clock.now, mailer: working, ladders })).toMatchObject({
      delivered: 1,
    });
    const [gone] = sent;
    expect(gone!.subject).toContain(NEW);
    expect(gone!.body).toContain(`Pokok pengaduan: ${NEW}`);
    expect(JSON.stringify(gone)).not.toContain(OLD);
    expect(JSON.stringify((await letters(caseId)).find((n) => n.id === written!.id))).not.toContain(
      OLD,
    );
  });

  it('does not send a held warning naming a deadline an extension moved before 08:00; the ladder warns of the new one', async () => {
    const { service, caseId } = await heldWarning('2026-05-11');
    const [written] = await letters(caseId);
    const before = (await service.getAssignment(centralOfficer, caseId, 'polri')).due;
    const oldDate = formatLocal(before.acknowledge, 'Asia/Jakarta');
    expect(written).toMatchObject({ action: 'warning', status: 'pending' });
    expect(written!.body).toContain(oldDate);
    // 07:20 WIB Polri asks for 5 more working days; 07:30 central approves.
    clock.set('2026-05-13T00:20:00.000Z');
    const req = await service.requestExtension(officerOf('polri'), caseId, 'polri', {
      workingDays: 5,
      reason: 'Menunggu data dari Polda',
    });
    clock.set('2026-05-13T00:30:00.000Z');
    await service.decideExtension(centralOfficer, caseId, 'polri', req.id, { approve: true });
    sfn.on(DescribeExecutionCommand).resolves({ status: 'RUNNING' });
    sent.length = 0;
    clock.set('2026-05-13T01:05:00.000Z');
    expect(await sweep({ store, clock: clock.now, mailer: working, ladders })).toMatchObject({
      delivered: 0,
      cancelledLetters: 1,
    });
    expect(sent).toEqual([]);
    expect((await letters(caseId)).find((n) => n.id === written!.id)).toMatchObject({
      status: 'cancelled',
      cancelled: { reason: 'deadline_moved' },
    });
    // Its new deadline is warned of in its turn (`warned` is keyed by the deadline), and only
    // the new date is ever sent.
    const due = (await service.getAssignment(centralOfficer, caseId, 'polri')).due;
    expect(due.acknowledge).not.toBe(before.acknowledge);
    const ref = armedByApi.at(-1)!;
    for (const day of ['2026-05-19', '2026-05-20', '2026-05-21', '2026-05-22']) {
      clock.set(`${day}T01:05:00.000Z`);
      await tick({ store, clock: clock.now, mailer: working }, ref);
      await sweep({ store, clock: clock.now, mailer: working, ladders });
    }
    const warnings = sent.filter((n) => n.action === 'warning');
    expect(warnings.length).toBeGreaterThan(0);
    expect(
      warnings.some((n) => n.body.includes(formatLocal(due.acknowledge, 'Asia/Jakarta'))),
    ).toBe(true);
    for (const n of sent) expect(n.body).not.toContain(oldDate);
  });

  it('sends a held reminder whose deadlines an extension moved before 08:00 with the new deadline and lateness', async () => {
    // The reminder written Tuesday 15 September 00:00 WIB names all three targets.
    clock.set('2026-09-07T03:00:00.000Z');
    const service = new Service({ store, clock: clock.now, ladders: lostStarts });
    const { caseId } = await forwardedCase(service, ['polri'], 'light');
    clock.set('2026-09-14T17:00:00.000Z');
    await tick({ store, clock: clock.now, mailer: working }, armedByApi.at(-1)!);
    const [written] = await letters(caseId);
    expect(written).toMatchObject({ action: 'reminder', status: 'pending' });
    expect(written!.body).toContain(
      '- Konfirmasi penerimaan pengaduan: batas waktu 10 September 2026 pukul 23.59 WIB, terlambat 3 hari kerja.',
    );
    // 07:30 WIB central approves one more working day: the acknowledgement is due Friday 11
    // September (still overdue), the follow-up and resolution Tuesday 15 (not yet).
    clock.set('2026-09-15T00:20:00.000Z');
    const req = await service.requestExtension(officerOf('polri'), caseId, 'polri', {
      workingDays: 1,
      reason: 'Menunggu data dari Polda',
    });
    clock.set('2026-09-15T00:30:00.000Z');
    await service.decideExtension(centralOfficer, caseId, 'polri', req.id, { approve: true });
    sent.length = 0;
    clock.set('2026-09-15T01:05:00.000Z');
    expect(await sweep({ store, clock: clock.now, mailer: working })).toMatchObject({
      delivered: 1,
    });
    const [went] = sent;
    const line =
      'Konfirmasi penerimaan pengaduan: batas waktu 11 September 2026 pukul 23.59 WIB, terlambat 2 hari kerja.';
    expect(went!.body.split('\n').filter((l) => l.startsWith('- '))).toEqual([`- ${line}`]);
    expect(went!.body).not.toContain('10 September 2026');
    expect(went!.document!.blocks.flatMap((b) => (b.kind === 'list' ? b.items : []))).toEqual([
      line,
    ]);
    expect(went).toMatchObject({
      targets: ['acknowledge'],
      letterNumber: written!.letterNumber,
      createdAt: written!.createdAt,
    });
    const due = (await service.getAssignment(centralOfficer, caseId, 'polri')).due;
    expect(went!.named?.acknowledge).toBe(due.acknowledge);
    const [stored] = await letters(caseId);
    expect(stored).toMatchObject({ status: 'sent', body: went!.body });
  });

  /**
   * A reminder I written Tuesday 15 September 2026 00:00 WIB, held for letter hours: it says
   * reminder II comes after Monday 21 September's end, five working days after the day it was
   * due. `byThen(date)`: that sentence with another date.
   */
  const heldReminderI = async () => {
    clock.set('2026-09-07T03:00:00.000Z');
    const service = new Service({ store, clock: clock.now, ladders: lostStarts });
    const { caseId } = await forwardedCase(service, ['polri'], 'light');
    clock.set('2026-09-14T17:00:00.000Z');
    await tick({ store, clock: clock.now, mailer: working }, armedByApi.at(-1)!);
    const [written] = await letters(caseId);
    const byThen = (date: string) =>
      `Apabila sampai dengan ${date} 2026 pukul 23.59 WIB tindak lanjut belum kami terima, kami akan menyampaikan Surat Pengingat II.`;
    expect(written!.body).toContain(byThen('21 September'));
    return { service, caseId, written: written!, byThen };
  };

  it('sends a held reminder saying by when to act as the ladder counts it after a holiday was added before 08:00', async () => {
    // Reminder II after Monday 21 September's end, as the reminder held says.
    const { service, caseId, written, byThen } = await heldReminderI();
    // 07:30 WIB Wednesday 16 September is made a day off: reminder II comes a day later.
    clock.set('2026-09-15T00:30:00.000Z');
    await service.putCalendarDay(centralAdmin, 'id', {
      date: '2026-09-16',
      kind: 'other',
      name: 'Libur daerah',
    });
    sent.length = 0;
    clock.set('2026-09-15T01:05:00.000Z');
    expect(await sweep({ store, clock: clock.now, mailer: working })).toMatchObject({
      delivered: 1,
    });
    const [went] = sent;
    expect(went!.body).toContain(byThen('22 September'));
    expect(went!.body).not.toContain('21 September');
    const paragraphs = went!.document!.blocks.flatMap((b) =>
      b.kind === 'paragraph' ? [b.text] : [],
    );
    expect(paragraphs.some((p) => p.endsWith(byThen('22 September')))).toBe(true);
    expect(went).toMatchObject({ letterNumber: written!.letterNumber, datedOn: written!.datedOn });
    // The ladder writes reminder II after that day's end, not before.
    const ref = armedByApi.at(-1)!;
    for (const at of ['2026-09-21T17:00:00.000Z', '2026-09-22T17:00:00.000Z']) {
      clock.set(at);
      await tick({ store, clock: clock.now, mailer: working }, ref);
    }
    const second = (await letters(caseId)).find((n) => n.step === 'reminder_2');
    expect(second?.createdAt).toBe('2026-09-22T17:00:00.000Z');
  });

  it('sends a held reminder saying by when to act as the ladder counts it after a pause and resume while it waited', async () => {
    // No sweep runs on Tuesday (the runtime down all day).
    const { service, caseId, written, byThen } = await heldReminderI();
    // Paused Tuesday 07:30 WIB, resumed Wednesday 07:45 WIB: a working day paused, and the
    // ladder's next rung a working day later.
    clock.set('2026-09-15T00:30:00.000Z');
    await service.pauseAssignment(officerOf('polri'), caseId, 'polri', 'Menunggu data pengadu');
    clock.set('2026-09-16T00:45:00.000Z');
    await service.resumeAssignment(officerOf('polri'), caseId, 'polri');
    sent.length = 0;
    clock.set('2026-09-16T01:05:00.000Z');
    expect(await sweep({ store, clock: clock.now, mailer: working })).toMatchObject({
      delivered: 1,
    });
    const [went] = sent;
    expect(went!.body).toContain(byThen('22 September'));
    expect(went!.body).not.toContain('21 September');
    expect(went).toMatchObject({ letterNumber: written!.letterNumber, datedOn: written!.datedOn });
    // The ladder writes reminder II after the day the letter names, not before.
    const ref = armedByApi.at(-1)!;
    for (const at of ['2026-09-21T17:00:00.000Z', '2026-09-22T17:00:00.000Z']) {
      clock.set(at);
      await tick({ store, clock: clock.now, mailer: working }, ref);
    }
    const second = (await letters(caseId)).find((n) => n.step === 'reminder_2');
    expect(second?.createdAt).toBe('2026-09-22T17:00:00.000Z');
  });

  it('holds a letter the sweep finds only after 16:00 (the runtime was down all day) to 08:00', async () => {
    const { caseId } = await heldWarning('2026-07-27');
    sfn.on(DescribeExecutionCommand).resolves({ status: 'RUNNING' });
    sent.length = 0;
    // Wednesday 19:00 WIB: the first sweep since 07:00 (a start-up sweep takes any due letter).
    clock.set('2026-07-29T12:00:00.000Z');
    const run = () =>
      sweep({ store, clock: clock.now, mailer: working, ladders }, { outboxGraceMs: 0 });
    expect(await run()).toMatchObject({ delivered: 0, refused: 0, cancelledLetters: 0 });
    expect(sent).toEqual([]);
    expect((await letters(caseId))[0]).toMatchObject({
      status: 'pending',
      attempts: 0,
      nextAttemptAt: '2026-07-30T01:00:00.000Z', // Thursday 08:00 WIB
    });
    clock.set('2026-07-30T01:05:00.000Z');
    expect(await run()).toMatchObject({ delivered: 1 });
    expect(sent.map((n) => n.caseId)).toEqual([caseId]);
  });

  it('does not send it either when the clock was paused before the target was met', async () => {
    const { service, caseId } = await heldWarning('2026-07-20');
    // 07:25 WIB the coordinator pauses the clock, 07:30 the officer acknowledges.
    clock.set('2026-07-22T00:25:00.000Z');
    await service.pauseAssignment(officerOf('polri'), caseId, 'polri', 'Menunggu data dari daerah');
    clock.set('2026-07-22T00:30:00.000Z');
    await service.acknowledge(officerOf('polri'), caseId, 'polri');
    sfn.on(DescribeExecutionCommand).resolves({ status: 'RUNNING' });
    sent.length = 0;
    clock.set('2026-07-22T01:05:00.000Z');
    expect(await sweep({ store, clock: clock.now, mailer: working, ladders })).toMatchObject({
      delivered: 0,
      cancelledLetters: 1,
    });
    expect(sent).toEqual([]);
    expect((await letters(caseId))[0]).toMatchObject({
      status: 'cancelled',
      cancelled: { reason: 'targets_met' },
    });
  });

  it('a Tick that reads the outbox after 08:00 does not send a held letter made untrue either', async () => {
    const { service, caseId } = await heldWarning('2026-05-18');
    // 08:02 WIB, before any sweep took it: the agency acknowledges, and a tick of its ladder
    // runs (a re-arm, a retry): it writes nothing and reads the outbox.
    clock.set('2026-05-20T01:02:00.000Z');
    await service.acknowledge(officerOf('polri'), caseId, 'polri');
    sent.length = 0;
    await tick({ store, clock: clock.now, mailer: working }, armedByApi.at(-1)!);
    expect(sent).toEqual([]);
    expect((await letters(caseId))[0]).toMatchObject({
      status: 'cancelled',
      cancelled: { reason: 'targets_met' },
    });
  });

  it('sends a letter once when a Tick sent it after the sweep had read it from the outbox', async () => {
    const { caseId, held } = await readAt0805('2026-06-01');
    // The sweep reads the outbox, and works down it for a minute or two; meanwhile a Tick
    // (the ladder re-armed) sends the same letter. Then the sweep reaches its copy.
    sent.length = 0;
    const deps = { store, clock: clock.now, mailer: working };
    expect(await deliver(deps, held)).toMatchObject({ status: 'sent' });
    expect(await deliver(deps, held)).toBeUndefined();
    expect(sent.map((n) => n.id)).toEqual([held.id]);
    expect((await letters(caseId))[0]).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('leaves a letter being sent to its sender: a sweep meanwhile neither cancels nor sends it', async () => {
    const { caseId, held, answerAndSweep } = await readAt0805('2026-06-08');
    // A Tick has read the letter as true and hands it to SES; while SES takes it, the officer
    // acknowledges and a sweep runs: the letter is claimed, not due to the sweep.
    const racing: Mailer = {
      send: async (n) => {
        sent.push(n);
        expect(await answerAndSweep()).toMatchObject({ cancelledLetters: 0, delivered: 0 });
      },
    };
    sent.length = 0;
    expect(await deliver({ store, clock: clock.now, mailer: racing }, held)).toMatchObject({
      status: 'sent',
    });
    // It went, once: the letters log says sent, not "Tidak dikirim".
    expect(sent).toHaveLength(1);
    const [warning] = await letters(caseId);
    expect(warning).toMatchObject({ step: 'warning', status: 'sent', attempts: 1 });
    expect(warning!.cancelled).toBeUndefined();
  });

  it('cancels at its next attempt a letter SES refused while the agency answered', async () => {
    const { caseId, held, answerAndSweep } = await readAt0805('2026-06-22');
    const refusedMeanwhile: Mailer = {
      send: async () => {
        await answerAndSweep();
        throw new Error('SES throttled');
      },
    };
    expect(
      await deliver({ store, clock: clock.now, mailer: refusedMeanwhile }, held),
    ).toMatchObject({ status: 'pending', attempts: 1 });
    // Its retry, 15 minutes on, finds the target met: never sent, and never retried again.
    clock.set('2026-06-24T01:25:00.000Z');
    expect(await sweep({ store, clock: clock.now, mailer: working, ladders })).toMatchObject({
      cancelledLetters: 1,
      delivered: 0,
    });
    expect((await letters(caseId))[0]).toMatchObject({
      status: 'cancelled',
      attempts: 1,
      cancelled: { reason: 'targets_met' },
    });
    expect(await store.listAllUndelivered(10)).toEqual([]);
  });

  it('counts a held letter’s age in the outbox from 08:00, even after a refusal', async () => {
    const { caseId } = await heldWarning('2026-07-06');
    sfn.on(DescribeExecutionCommand).resolves({ status: 'RUNNING' });
    clock.set('2026-07-08T01:15:00.000Z'); // 08:15: SES refuses it once
    expect(await sweep({ store, clock: clock.now, mailer: failing, ladders })).toMatchObject({
      refused: 1,
    });
    clock.set('2026-07-08T01:30:00.000Z');
    const run = await sweep({ store, clock: clock.now, mailer: failing, ladders });
    // Half an hour since 08:00, not eight and a half since it was written: no age alarm.
    expect(run.oldestUndeliveredSeconds).toBe(1_800);
    expect((await letters(caseId))[0]).toMatchObject({ attempts: 2, status: 'pending' });
  });

  it('tries a letter refused at 15:55 again at 08:00 the next working day, not at 16:10', async () => {
    const { caseId } = await heldWarning('2026-07-13');
    sfn.on(DescribeExecutionCommand).resolves({ status: 'RUNNING' });
    clock.set('2026-07-15T08:55:00.000Z'); // Wednesday 15:55 WIB: SES refuses it
    expect(await sweep({ store, clock: clock.now, mailer: failing, ladders })).toMatchObject({
      refused: 1,
    });
    expect((await letters(caseId))[0]).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: '2026-07-16T01:00:00.000Z', // Thursday 08:00 WIB
      heldUntil: '2026-07-16T01:00:00.000Z',
    });
    // The evening's sweeps leave it, and its wait is no age for the alarm.
    clock.set('2026-07-15T09:15:00.000Z'); // 16:15
    sent.length = 0;
    expect(await sweep({ store, clock: clock.now, mailer: working, ladders })).toMatchObject({
      delivered: 0,
      oldestUndeliveredSeconds: 0,
    });
    clock.set('2026-07-16T01:05:00.000Z'); // Thursday 08:05
    expect(await sweep({ store, clock: clock.now, mailer: working, ladders })).toMatchObject({
      delivered: 1,
    });
    expect(sent.map((n) => n.caseId)).toEqual([caseId]);
  });

  it('takes no further letter when its invocation is nearly out of time; the next run takes the rest', async () => {
    clock.set('2026-05-04T03:00:00.000Z');
    const service = new Service({ store, clock: clock.now, ladders: lostStarts });
    const refs = [];
    for (let i = 0; i < 3; i += 1) {
      await forwardedCase(service, ['polri'], 'light');
      refs.push(armedByApi.at(-1)!);
    }
    clock.set('2026-05-06T03:00:00.000Z');
    for (const ref of refs) await tick({ store, clock: clock.now, mailer: failing }, ref);
    sfn.on(DescribeExecutionCommand).resolves({ status: 'RUNNING' });
    clock.set('2026-05-06T03:15:00.000Z');
    sent.length = 0;
    // Two letters take the invocation to within the reserve a send may need.
    const first = await sweep(
      { store, clock: clock.now, mailer: working, ladders, metrics },
      { timeLeft: () => (sent.length < 2 ? 60_000 : TIME_RESERVE_MS - 1) },
    );
    expect(first).toMatchObject({ delivered: 2, leftForTime: 1 });
    const waiting = (await Promise.all(refs.map((r) => letters(r.caseId)))).flat();
    expect(waiting.map((n) => n.status).sort()).toEqual(['pending', 'sent', 'sent']);
    // The one left was not tried: its count of attempts is the tick's, and it goes next run.
    expect(waiting.find((n) => n.status === 'pending')).toMatchObject({ attempts: 1 });
    const second = await sweep({ store, clock: clock.now, mailer: working, ladders, metrics });
    expect(second).toMatchObject({ delivered: 1, leftForTime: 0 });
    expect(new Set(sent.map((n) => n.caseId))).toEqual(new Set(refs.map((r) => r.caseId)));
  });
});

describe('a Tick racing the agency’s answer', () => {
  it('writes no letter when the assignment was answered between its read and its commit', async () => {
    clock.set('2026-08-10T03:00:00.000Z'); // Monday 10:00 WIB
    const service = new Service({ store, clock: clock.now, ladders: lostStarts });
    const { caseId } = await forwardedCase(service, ['polri'], 'light');
    // Wednesday 00:00 WIB: the warning of the acknowledgement's deadline is due; the agency's
    // final answer lands while the Tick, which read the assignment open, is about to commit.
    clock.set('2026-08-11T17:00:00.000Z');
    let answered = false;
    const racing = new Proxy(store, {
      get(target, name, receiver) {
        if (name !== 'commitLadder') return Reflect.get(target, name, receiver);
        return async (write: Parameters<typeof store.commitLadder>[0]) => {
          if (!answered && write.letters.length > 0) {
            answered = true;
            await service.respond(officerOf('polri'), caseId, 'polri', {
              kind: 'final',
              message: 'Sudah ditindaklanjuti.',
            });
          }
          return target.commitLadder(write);
        };
      },
    });
    sent.length = 0;
    const result = await tick(
      { store: racing, clock: clock.now, mailer: working },
      armedByApi.at(-1)!,
    );
    expect(answered).toBe(true);
    // Read again after the conflict: the assignment is completed, nothing is written or sent.
    expect(result).toMatchObject({ done: true, taken: 0 });
    expect(await letters(caseId)).toEqual([]);
    expect(sent).toEqual([]);
  });
});
