/**
 * The Tick on DynamoDB Local: the forwarding letter of an assignment that ended before the
 * first tick, the numbers of ladder letters to agencies east of Jakarta, and central
 * intervention's one proposal a case (an audit found five on one case sent to eight agencies,
 * and some for agencies already invited to a meeting on it).
 */
import {
  type ActivityRecord,
  type LadderRef,
  type Mailer,
  type NotificationRecord,
  Service,
} from '@pantau/core';
import type { DynamoStore } from '@pantau/store';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  addAgencies,
  centralOfficer,
  forwardedCase,
  freshStore,
  manualClock,
  officerOf,
} from '../../../test/support/dynamodb.ts';
import { sweep } from './sweep.ts';
import { tick } from './tick.ts';

let store: DynamoStore;
const clock = manualClock('2026-03-16T03:00:00.000Z');
/** What the API armed: each ladder's execution, started by hand here. */
const armed: LadderRef[] = [];
const sent: NotificationRecord[] = [];
const mailer: Mailer = { send: async (n) => void sent.push(n) };
const service = () =>
  new Service({
    store,
    clock: clock.now,
    ladders: { arm: async (ref) => void armed.push(ref) },
    forwardingLetters: true,
    invitationLetters: true,
  });
const ladderOf = (caseId: string, agencyId: string) =>
  armed.findLast((r) => r.caseId === caseId && r.agencyId === agencyId)!;
const lettersTo = async (caseId: string, agencyId: string) =>
  (await store.listNotifications({ caseId }, { limit: 20 })).items.filter(
    (n) => n.agencyId === agencyId,
  );

beforeEach(async () => {
  store = await freshStore();
  armed.length = 0;
  sent.length = 0;
  await addAgencies(new Service({ store, clock: clock.now }), [
    { id: 'polri' },
    { id: 'pln' },
    { id: 'papua', timeZone: 'Asia/Jayapura' },
  ]);
});

describe('the forwarding letter', () => {
  it('is neither written nor sent to an agency withdrawn before its ladder’s first tick', async () => {
    clock.set('2026-03-16T03:00:00.000Z'); // Monday 10:00 WIB
    const pantau = service();
    const { caseId } = await forwardedCase(pantau, ['polri', 'pln']);
    // The first tick is late (a throttled start, a retry): central withdraws Polri meanwhile.
    clock.set('2026-03-16T03:05:00.000Z');
    await pantau.withdrawAssignment(centralOfficer, caseId, 'polri', { reason: 'Salah instansi' });
    clock.set('2026-03-16T03:10:00.000Z');
    const result = await tick({ store, clock: clock.now, mailer }, ladderOf(caseId, 'polri'));
    expect(result).toMatchObject({ done: true, taken: 0 });
    expect(await lettersTo(caseId, 'polri')).toEqual([]);
    expect(sent).toEqual([]);
    // Its ladder owes no letter any more: a later tick writes none either.
    const bundle = await store.getCase(caseId);
    expect(bundle!.ladders.find((l) => l.agencyId === 'polri')!.forwardingLetter).not.toBe('due');
    // The agency that still has the case gets its letter.
    await tick({ store, clock: clock.now, mailer }, ladderOf(caseId, 'pln'));
    expect(sent.map((n) => [n.agencyId, n.action])).toEqual([['pln', 'forwarding']]);
  });
});

describe('a ladder letter to an agency in WIT is numbered by the date it bears', () => {
  /**
   * A case forwarded to Papua (WIT) at `forwardedAt`, its forwarding letter written at once,
   * and its ladder ticked again at `at`: the letters it writes then (the acknowledgement's
   * reminder, and the follow-up's warning, due too).
   */
  async function reminderAt(forwardedAt: string, at: string) {
    clock.set(forwardedAt);
    const { caseId } = await forwardedCase(service(), ['papua'], 'light');
    await tick({ store, clock: clock.now, mailer }, ladderOf(caseId, 'papua'));
    clock.set(at);
    await tick({ store, clock: clock.now, mailer }, ladderOf(caseId, 'papua'));
    const letters = await lettersTo(caseId, 'papua');
    return {
      caseId,
      forwarding: letters.find((n) => n.action === 'forwarding')!,
      reminder: letters.find((n) => n.action === 'reminder')!,
      rungs: letters.filter((n) => n.action !== 'forwarding'),
    };
  }

  it('in the month of its date: 00:00 WIT on 1 April (31 March in Jakarta) is April’s', async () => {
    // Forwarded Thursday 26 March 10:00 WIT: the acknowledgement is due 31 March, 23:59 WIT.
    const { reminder } = await reminderAt('2026-03-26T01:00:00.000Z', '2026-03-31T15:00:00.000Z');
    expect(reminder.document!.placeAndDate).toBe('Jakarta, 1 April 2026');
    expect(reminder.letterNumber).toMatch(/\/04\/2026$/);
  });

  it('in the series of its year: 00:30 WIT on 1 January takes the new year’s first number', async () => {
    // Forwarded Monday 28 December 2026: the acknowledgement is due 31 December, 23:59 WIT.
    const { forwarding, reminder, rungs } = await reminderAt(
      '2026-12-28T01:00:00.000Z',
      '2026-12-31T15:30:00.000Z',
    );
    expect(forwarding.letterNumber).toBe('B-1/Kemensetneg/D-4/DM.05/12/2026');
    expect(reminder.document!.placeAndDate).toBe('Jakarta, 1 Januari 2027');
    // The warning and the reminder written then: 2027's first two numbers, not 2026's next.
    expect(rungs.map((n) => [n.action, n.letterNumber])).toEqual([
      ['warning', 'B-1/Kemensetneg/D-4/DM.05/01/2027'],
      ['reminder', 'B-2/Kemensetneg/D-4/DM.05/01/2027'],
    ]);
  });

  it('dated and numbered the working day it goes out: 00:00 WIT on Saturday 31 October is November’s', async () => {
    // Forwarded Tuesday 27 October: the acknowledgement is due Friday 30 October, 23:59 WIT.
    // Its reminder, written as that Friday ends, goes out on Monday 2 November from 08:00: it
    // was dated Saturday 31 October 00:00 and numbered in October.
    const { caseId, rungs } = await reminderAt(
      '2026-10-27T01:00:00.000Z',
      '2026-10-30T15:00:00.000Z',
    );
    expect(rungs.map((n) => n.action)).toEqual(['warning', 'reminder']);
    for (const n of rungs) {
      expect(n.body, n.action).toContain('\nTanggal: 2 November 2026\n');
      expect(n.document!.placeAndDate, n.action).toBe('Jakarta, 2 November 2026');
      expect(n.letterNumber, n.action).toMatch(/\/11\/2026$/);
    }
    // Its step on the timeline bears that date too (the timeline said only Saturday 00.00).
    const steps = (await service().timeline(centralOfficer, caseId, { limit: 100 })).items.filter(
      (e) => e.type === 'escalation_step',
    );
    expect(steps.map((e) => [e.data.action, e.data.datedOn]).sort()).toEqual([
      ['reminder', '2026-11-02'],
      ['warning', '2026-11-02'],
    ]);
  });
});

describe('central intervention proposes one clarification per case', () => {
  /**
   * The case's ladders ticked as their timers come, the clock moved to the soonest, until each
   * of `agencyIds` has written `rung`: the instant their next rung is due (they were forwarded
   * together, so it is the same for each).
   */
  async function climbTo(caseId: string, agencyIds: readonly string[], rung: string) {
    const deps = { store, clock: clock.now, mailer };
    for (let pass = 0; pass < 40; pass += 1) {
      const results = [];
      for (const agencyId of agencyIds) results.push(await tick(deps, ladderOf(caseId, agencyId)));
      const wakeAt = results
        .map((r) => r.wakeAt)
        .filter((w) => w !== null)
        .sort()[0];
      const written = await Promise.all(
        agencyIds.map(async (id) => (await lettersTo(caseId, id)).some((n) => n.step === rung)),
      );
      if (written.every(Boolean)) return wakeAt!;
      clock.set(wakeAt!);
    }
    throw new Error(`${rung} never written`);
  }
  const proposals = async (caseId: string) =>
    (await store.getCase(caseId))!.activities.filter((a) => a.status === 'proposed');
  const activityEvents = async (who: typeof centralOfficer, caseId: string) =>
    (await service().timeline(who, caseId, { limit: 100 })).items.filter((e) =>
      e.type.startsWith('activity_'),
    );
  const interventionsTo = async (caseId: string, agencyId: string) =>
    (await lettersTo(caseId, agencyId)).filter((n) => n.action === 'central_intervention');

  /** A case forwarded to Polri and PLN, both silent up to the formal warning: when the next is due. */
  async function bothSilent() {
    clock.set('2026-03-16T03:00:00.000Z'); // Monday 10:00 WIB
    const { caseId } = await forwardedCase(service(), ['polri', 'pln'], 'light');
    const interventionAt = await climbTo(caseId, ['polri', 'pln'], 'formal_warning');
    return { caseId, interventionAt };
  }

  it('of two agencies reaching it: one proposal naming both, each agency reading its own part', async () => {
    const { caseId, interventionAt } = await bothSilent();
    clock.set(interventionAt);
    const deps = { store, clock: clock.now, mailer };
    await tick(deps, ladderOf(caseId, 'polri'));
    await tick(deps, ladderOf(caseId, 'pln'));
    expect(await interventionsTo(caseId, 'polri')).toHaveLength(1);
    expect(await interventionsTo(caseId, 'pln')).toHaveLength(1);
    const open = await proposals(caseId);
    expect(open.map((a) => [a.createdBy, a.agencyIds])).toEqual([['escalation', ['polri', 'pln']]]);
    // The timeline says, for each agency, that a clarification was proposed with it.
    expect(
      (await activityEvents(centralOfficer, caseId)).map((e) => [
        e.type,
        e.agencyId,
        e.data.activityId,
        e.data.agencyIds,
      ]),
    ).toEqual([
      ['activity_proposed', 'polri', open[0]!.id, ['polri']],
      ['activity_proposed', 'pln', open[0]!.id, ['pln']],
    ]);
    // An agency reads the proposal as its own: not that another agency on the case is late.
    for (const [agency, other] of [
      ['polri', 'pln'],
      ['pln', 'polri'],
    ] as const) {
      const seen = await service().getCase(officerOf(agency), caseId);
      expect(seen.activities.map((a) => a.agencyIds)).toEqual([[agency]]);
      const read = JSON.stringify([seen, await activityEvents(officerOf(agency), caseId)]);
      expect(read).not.toContain(`"${other}"`);
      expect(read).not.toContain(`Agency ${other}`);
    }
    // Central calls it off: each agency reads that its own was, still naming no other.
    await service().cancelActivity(centralOfficer, caseId, open[0]!.id, {
      reason: 'Kedua instansi sudah menjawab',
    });
    const polriRead = JSON.stringify([
      await service().getCase(officerOf('polri'), caseId),
      await activityEvents(officerOf('polri'), caseId),
    ]);
    expect(polriRead).toContain('Kedua instansi sudah menjawab');
    expect(polriRead).not.toContain('"pln"');
  });

  it('of two agencies stepping at the same instant (two executions): still one proposal', async () => {
    const { caseId, interventionAt } = await bothSilent();
    clock.set(interventionAt);
    // Both read the case before either commits (on AWS each ladder is its own execution, and
    // ladders forwarded together wake together).
    let arrived = 0;
    let release!: () => void;
    const bothRead = new Promise<void>((done) => (release = done));
    const together = new Proxy(store, {
      get(target, name, receiver) {
        if (name !== 'commitLadder') return Reflect.get(target, name, receiver);
        return async (write: Parameters<typeof store.commitLadder>[0]) => {
          if (write.letters.some((l) => l.notification.action === 'central_intervention')) {
            arrived += 1;
            if (arrived === 2) release();
            if (arrived <= 2) await bothRead;
          }
          return target.commitLadder(write);
        };
      },
    });
    const deps = { store: together, clock: clock.now, mailer };
    await Promise.all([tick(deps, ladderOf(caseId, 'polri')), tick(deps, ladderOf(caseId, 'pln'))]);
    expect(arrived).toBeGreaterThanOrEqual(2);
    expect((await proposals(caseId)).map((a) => [...a.agencyIds].sort())).toEqual([
      ['pln', 'polri'],
    ]);
    expect(await interventionsTo(caseId, 'polri')).toHaveLength(1);
    expect(await interventionsTo(caseId, 'pln')).toHaveLength(1);
  });

  it('proposes none for an agency already invited to an open activity on the case', async () => {
    const { caseId, interventionAt } = await bothSilent();
    // Central has planned a coordination meeting with PLN for a later date.
    const meeting = await service().planActivity(centralOfficer, caseId, {
      kind: 'coordination',
      scheduledAt: new Date(Date.parse(interventionAt) + 7 * 86_400_000).toISOString(),
      agencyIds: ['pln'],
    });
    clock.set(interventionAt);
    const deps = { store, clock: clock.now, mailer };
    await tick(deps, ladderOf(caseId, 'pln'));
    await tick(deps, ladderOf(caseId, 'polri'));
    // PLN's step and letter are written as ever; the clarification is proposed for Polri only.
    const [toPln] = await interventionsTo(caseId, 'pln');
    const [toPolri] = await interventionsTo(caseId, 'polri');
    expect(await interventionsTo(caseId, 'pln')).toHaveLength(1);
    expect(await interventionsTo(caseId, 'polri')).toHaveLength(1);
    // PLN's letter names the meeting it is invited to (not one "to be announced"); Polri's,
    // the clarification to come. PLN's invitation letter has not gone (no one sent the
    // outbox): this one invites by itself, and does not say the invitation was sent.
    expect((await lettersTo(caseId, 'pln')).find((n) => n.action === 'invitation')).toMatchObject({
      status: 'pending',
    });
    expect(toPln!.body).toContain(
      'Saudara kami undang dalam kegiatan koordinasi atas penanganan pengaduan ini pada ',
    );
    expect(toPln!.body).not.toContain('tersendiri');
    expect(toPln!.body).not.toContain('akan kami sampaikan kemudian');
    expect(toPolri!.body).toContain('akan mengundang Saudara dalam kegiatan klarifikasi');
    expect((await proposals(caseId)).map((a) => a.agencyIds)).toEqual([['polri']]);
    const steps = (await service().timeline(centralOfficer, caseId, { limit: 100 })).items.filter(
      (e) => e.type === 'escalation_step' && e.data.step === 'central_intervention',
    );
    expect(steps.map((e) => e.agencyId).sort()).toEqual(['pln', 'polri']);
    expect((await activityEvents(centralOfficer, caseId)).map((e) => [e.type, e.agencyId])).toEqual(
      [
        ['activity_planned', 'pln'],
        ['activity_proposed', 'polri'],
      ],
    );
    // The meeting is as central planned it.
    const stored = (await store.getCase(caseId))!.activities.find((a) => a.id === meeting.id);
    expect(stored).toMatchObject({ status: 'planned', agencyIds: ['pln'], version: 1 });
  });

  it('says the invitation was sent separately only once its letter went', async () => {
    const { caseId, interventionAt } = await bothSilent();
    await service().planActivity(centralOfficer, caseId, {
      kind: 'coordination',
      scheduledAt: new Date(Date.parse(interventionAt) + 7 * 86_400_000).toISOString(),
      agencyIds: ['pln'],
    });
    // The sweep sends the invitation letter left in the outbox.
    clock.set(new Date(clock.now().getTime() + 10 * 60_000).toISOString());
    await sweep({ store, clock: clock.now, mailer });
    expect(sent.filter((n) => n.action === 'invitation').map((n) => n.agencyId)).toEqual(['pln']);
    clock.set(interventionAt);
    await tick({ store, clock: clock.now, mailer }, ladderOf(caseId, 'pln'));
    const [toPln] = await interventionsTo(caseId, 'pln');
    expect(toPln!.body).toContain(
      'Saudara telah kami undang dalam kegiatan koordinasi atas penanganan pengaduan ini pada ',
    );
    expect(toPln!.body).toContain('(undangannya telah kami sampaikan tersendiri)');
  });

  it('proposes one after all when the meeting is called off as the step commits', async () => {
    const { caseId, interventionAt } = await bothSilent();
    const meeting = await service().planActivity(centralOfficer, caseId, {
      kind: 'coordination',
      scheduledAt: new Date(Date.parse(interventionAt) + 7 * 86_400_000).toISOString(),
      agencyIds: ['pln'],
    });
    clock.set(interventionAt);
    let calledOff = false;
    const racing = new Proxy(store, {
      get(target, name, receiver) {
        if (name !== 'commitLadder') return Reflect.get(target, name, receiver);
        return async (write: Parameters<typeof store.commitLadder>[0]) => {
          if (
            !calledOff &&
            write.letters.some((l) => l.notification.action === 'central_intervention')
          ) {
            calledOff = true;
            await service().cancelActivity(centralOfficer, caseId, meeting.id, {
              reason: 'Diganti klarifikasi',
            });
          }
          return target.commitLadder(write);
        };
      },
    });
    await tick({ store: racing, clock: clock.now, mailer }, ladderOf(caseId, 'pln'));
    expect(calledOff).toBe(true);
    // Read again: PLN is invited to nothing still to be held, and is proposed a clarification,
    // which its letter announces (not the meeting called off).
    expect((await proposals(caseId)).map((a) => a.agencyIds)).toEqual([['pln']]);
    expect(await interventionsTo(caseId, 'pln')).toHaveLength(1);
    expect((await interventionsTo(caseId, 'pln'))[0]!.body).toContain(
      'akan mengundang Saudara dalam kegiatan klarifikasi',
    );
  });

  it('proposes none for an agency an open proposal already names', async () => {
    const { caseId, interventionAt } = await bothSilent();
    // A proposal naming PLN, from an earlier episode of its assignment.
    const earlier: ActivityRecord = {
      id: '01KPROPOSEDEARLIER00000001',
      caseId,
      kind: 'clarification',
      status: 'proposed',
      scheduledAt: null,
      agencyIds: ['pln'],
      participants: [],
      plan: 'Diusulkan oleh tangga eskalasi: PLN belum memenuhi 1 target.',
      heldAt: null,
      outcome: null,
      summary: null,
      createdBy: 'escalation',
      createdAt: '2026-03-20T03:00:00.000Z',
      updatedAt: '2026-03-20T03:00:00.000Z',
      version: 1,
    };
    await store.commit({ activities: [{ record: earlier, expectedVersion: null }] });
    clock.set(interventionAt);
    await tick({ store, clock: clock.now, mailer }, ladderOf(caseId, 'pln'));
    expect(await interventionsTo(caseId, 'pln')).toHaveLength(1);
    expect(await proposals(caseId)).toEqual([earlier]);
  });

  it('is read again when central takes the proposal up as the step commits: the agency gets its own', async () => {
    const { caseId, interventionAt } = await bothSilent();
    clock.set(interventionAt);
    await tick({ store, clock: clock.now, mailer }, ladderOf(caseId, 'polri'));
    const [proposal] = await proposals(caseId);
    let scheduled = false;
    const racing = new Proxy(store, {
      get(target, name, receiver) {
        if (name !== 'commitLadder') return Reflect.get(target, name, receiver);
        return async (write: Parameters<typeof store.commitLadder>[0]) => {
          if (!scheduled && write.letters.some((l) => l.proposal)) {
            scheduled = true;
            await service().scheduleActivity(centralOfficer, caseId, proposal!.id, {
              scheduledAt: '2026-05-20T03:00:00.000Z',
            });
          }
          return target.commitLadder(write);
        };
      },
    });
    await tick({ store: racing, clock: clock.now, mailer }, ladderOf(caseId, 'pln'));
    expect(scheduled).toBe(true);
    const { activities } = (await store.getCase(caseId))!;
    // Central's plan is as central made it; PLN's clarification is proposed on its own.
    expect(activities.map((a) => [a.status, a.agencyIds])).toEqual([
      ['planned', ['polri']],
      ['proposed', ['pln']],
    ]);
    expect(await interventionsTo(caseId, 'pln')).toHaveLength(1);
  });

  it('adds the agency once when the Tick is retried after a commit whose answer was lost', async () => {
    const { caseId, interventionAt } = await bothSilent();
    clock.set(interventionAt);
    await tick({ store, clock: clock.now, mailer }, ladderOf(caseId, 'polri'));
    let lost = false;
    const flaky = new Proxy(store, {
      get(target, name, receiver) {
        if (name !== 'commitLadder') return Reflect.get(target, name, receiver);
        return async (write: Parameters<typeof store.commitLadder>[0]) => {
          await target.commitLadder(write);
          if (!lost && write.letters.length > 0) {
            lost = true;
            throw new Error('socket hang up');
          }
        };
      },
    });
    const ref = ladderOf(caseId, 'pln');
    await expect(tick({ store: flaky, clock: clock.now, mailer }, ref)).rejects.toThrow('socket');
    // Step Functions retries the task.
    await tick({ store: flaky, clock: clock.now, mailer }, ref);
    expect(await interventionsTo(caseId, 'pln')).toHaveLength(1);
    expect((await proposals(caseId)).map((a) => a.agencyIds)).toEqual([['polri', 'pln']]);
    expect((await activityEvents(centralOfficer, caseId)).map((e) => [e.type, e.agencyId])).toEqual(
      [
        ['activity_proposed', 'polri'],
        ['activity_proposed', 'pln'],
      ],
    );
  });
});
