/**
 * Overdue episodes on the real ASL definition over DynamoDB Local: each rung at most once per
 * episode whatever re-arms the ladder, and no letter that is no longer true.
 */
import { type Mailer, type NotificationRecord, Service } from '@pantau/core';
import type { DynamoStore } from '@pantau/store';
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

let store: DynamoStore;
const clock = manualClock('2026-06-01T03:00:00.000Z');
const mailer: Mailer = { send: async () => undefined };
let engine: LocalLadderEngine;
let service: Service;
const DAY = 86_400_000;

beforeAll(async () => {
  store = await freshStore();
  engine = new LocalLadderEngine({ store, clock: clock.now, mailer });
  service = new Service({ store, clock: clock.now, ladders: engine });
  await addAgencies(service, [{ id: 'polri' }, { id: 'pln' }]);
});

const letters = async (caseId: string): Promise<NotificationRecord[]> =>
  (await store.listNotifications({ caseId }, { limit: 100 })).items;

async function advanceDays(days: number) {
  for (let d = 0; d < days; d += 1) {
    clock.set(new Date(clock.now().getTime() + DAY).toISOString());
    await engine.runDue();
  }
}

async function advanceUntil(caseId: string, step: string, maxDays = 60) {
  for (let d = 0; d < maxDays; d += 1) {
    if ((await letters(caseId)).some((n) => n.step === step)) return;
    await advanceDays(1);
  }
  throw new Error(`${step} never came`);
}

describe('one overdue episode', () => {
  it('an extension approved after its new deadline passed continues the ladder from the rung reached', async () => {
    clock.set('2026-06-01T03:00:00.000Z'); // Monday
    const { caseId } = await forwardedCase(service, ['polri']);
    await engine.runDue();
    await advanceUntil(caseId, 'reminder_2');
    const request = await service.requestExtension(officerOf('polri'), caseId, 'polri', {
      workingDays: 2,
      reason: 'Menunggu data dari Polda',
    });
    await advanceDays(5); // the new deadline passes before central decides
    const decided = await service.decideExtension(centralOfficer, caseId, 'polri', request.id, {
      approve: true,
    });
    expect(Date.parse(decided.assignment.due.acknowledge)).toBeLessThan(clock.now().getTime());
    await engine.runDue();
    await advanceDays(40);

    const written = await letters(caseId);
    const rungs = written.filter((n) => n.action !== 'warning').map((n) => n.step);
    expect(rungs).toEqual(['reminder_1', 'reminder_2', 'formal_warning', 'central_intervention']);
    // No warning written after the deadline it warns about.
    const due = (await service.getAssignment(centralOfficer, caseId, 'polri')).due;
    for (const n of written.filter((x) => x.action === 'warning'))
      for (const t of n.targets)
        expect(Date.parse(n.createdAt)).toBeLessThanOrEqual(
          Math.max(Date.parse(due[t]), Date.parse(n.scheduledAt)),
        );
  });
});
