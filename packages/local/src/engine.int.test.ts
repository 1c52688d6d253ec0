/**
 * The real ASL definition on the local interpreter (aws-local-stepfunctions), its Tick task
 * the real handler, on DynamoDB Local, driven by a manual clock.
 */
import { type Mailer, type NotificationRecord, Service } from '@pantau/core';
import type { DynamoStore } from '@pantau/store';
import { SILENT_LADDER, wib } from '../../../test/support/domain-example.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAgencies,
  centralOfficer,
  freshStore,
  manualClock,
  officerOf,
} from '../../../test/support/dynamodb.ts';
import { LocalLadderEngine } from './engine.ts';

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
  const created = await service.createCase(centralOfficer, {
    channel: 'letter',
    complainant: { name: 'Siti Aminah' },
    subject: 'Sertifikat tanah',
    description: 'Belum terbit.',
  });
  await service.verifyCase(centralOfficer, created.body.id, {
    decision: 'accept',
    type: 'normative',
  });
  await service.forward(centralOfficer, created.body.id, {
    assignments: agencies.map((agencyId) => ({ agencyId })),
  });
  await engine.runDue();
  return created.body.id;
}

async function advanceTo(iso: string) {
  clock.set(iso);
  await engine.runDue();
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
    expect(assignment.escalationLevel).toBe(4);
    const timeline = await service.timeline(centralOfficer, caseId, { limit: 100 });
    expect(timeline.items.filter((e) => e.type === 'escalation_step')).toHaveLength(7);
    // The ladder has nothing left to do: no timer.
    const { ladders } = (await store.getCase(caseId))!;
    expect(ladders[0]?.wakeAt).toBeNull();
  });

  it('takes the steps of a long jump in one go, in order, and stops where an agency that answered late caught up', async () => {
    const caseId = await forward(['pln', 'pemprov-bali']);
    await advanceTo('2026-03-31T03:00:00.000Z'); // past reminder I for both
    await service.respond(officerOf('pln'), caseId, 'pln', {
      kind: 'progress',
      message: 'Sedang ditangani.',
    });
    await advanceTo('2026-04-16T03:00:00.000Z');
    expect(await lettersOf(caseId, 'pln')).toEqual([
      ['warning', wib('2026-03-18'), 'acknowledge'],
      ['warning', wib('2026-03-27'), 'followUp'],
      ['reminder_1', wib('2026-03-27'), 'acknowledge'],
      ['warning', wib('2026-04-10'), 'resolution'],
      ['reminder_1', wib('2026-04-14'), 'resolution'], // a new round: the resolution deadline was missed later
    ]);
    // WITA: the same working days end an hour earlier.
    const bali = await lettersOf(caseId, 'pemprov-bali');
    expect(bali.map(([step]) => step)).toEqual([
      'warning',
      'warning',
      'reminder_1',
      'reminder_2',
      'warning',
      'formal_warning',
    ]);
    expect(bali[2]?.[1]).toBe(new Date('2026-03-27T00:00:00.000+08:00').toISOString());
  });

  it('takes a step exactly once when the tick fails after writing it and is retried', async () => {
    const caseId = await forward(['polri'], '2026-05-04T03:00:00.000Z');
    const original = store.commitLadderStep.bind(store);
    let failures = 0;
    store.commitLadderStep = async (write) => {
      await original(write);
      if (failures === 0) {
        failures += 1;
        throw new Error('connection reset after the write');
      }
    };
    try {
      await advanceTo('2026-05-06T03:00:00.000Z'); // the acknowledgement warning is due
    } finally {
      store.commitLadderStep = original;
    }
    expect(failures).toBe(1);
    expect(await lettersOf(caseId, 'polri')).toEqual([
      ['warning', wib('2026-05-06'), 'acknowledge'],
    ]);
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
    expect(steps.length).toBeGreaterThan(1);
    expect(new Set(steps.map(([step, at]) => `${step}@${at}`)).size).toBe(steps.length);
  });

  it('stops the ladder of a redirected assignment', async () => {
    const caseId = await forward(['pln'], '2026-07-06T03:00:00.000Z');
    await service.redirect(officerOf('pln'), caseId, 'pln', { reason: 'Bukan wewenang kami' });
    await advanceTo('2026-09-01T03:00:00.000Z');
    expect(await lettersOf(caseId, 'pln')).toEqual([]);
    expect((await store.getCase(caseId))!.ladders[0]?.wakeAt).toBeNull();
  });
});
