/** The AWS safety net, on DynamoDB Local: stale timers are re-armed, stuck letters are sent. */
import { type LadderRef, type Mailer, type NotificationRecord, Service } from '@pantau/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAgencies,
  forwardedCase,
  freshStore,
  manualClock,
} from '../../../test/support/dynamodb.ts';
import type { DynamoStore } from '@pantau/store';
import { sweep } from './sweep.ts';
import { tick } from './tick.ts';

let store: DynamoStore;
const clock = manualClock('2026-03-16T03:00:00.000Z');
const armed: LadderRef[] = [];
const ladders = { arm: async (ref: LadderRef) => void armed.push(ref) };

beforeAll(async () => {
  store = await freshStore();
  await addAgencies(new Service({ store, clock: clock.now }), [{ id: 'polri' }]);
});

describe('the ladder sweep', () => {
  it('re-arms a ladder whose execution never ran, and sends letters stuck in the outbox', async () => {
    const service = new Service({ store, clock: clock.now, ladders });
    await forwardedCase(service, ['polri'], 'light');
    const first = armed.at(-1)!;

    // Its execution never started (say StartExecution failed after the commit): 20 minutes on,
    // the timer is stale and the sweep re-arms it with a new token.
    clock.set('2026-03-16T03:20:00.000Z');
    const failing: Mailer = { send: async () => Promise.reject(new Error('SES throttled')) };
    const result = await sweep({ store, clock: clock.now, mailer: failing, ladders });
    expect(result.rearmed).toBe(1);
    const rearmed = armed.at(-1)!;
    expect(rearmed).toMatchObject({ caseId: first.caseId, token: first.token + 1 });

    // The old execution, if it ever wakes, stops; the new one takes the warning, whose letter
    // cannot be sent (SES failing) and stays in the outbox.
    expect(await tick({ store, clock: clock.now, mailer: failing }, first)).toMatchObject({
      done: true,
      taken: 0,
    });
    clock.set('2026-03-18T03:00:00.000Z');
    expect(await tick({ store, clock: clock.now, mailer: failing }, rearmed)).toMatchObject({
      taken: 1,
    });
    const [stuck] = (await store.listNotifications({ caseId: first.caseId }, { limit: 10 })).items;
    expect(stuck).toMatchObject({ status: 'pending', attempts: 1, lastError: 'SES throttled' });

    // Later the sweep delivers it.
    clock.set('2026-03-18T04:00:00.000Z');
    const sent: NotificationRecord[] = [];
    const working: Mailer = { send: async (n) => void sent.push(n) };
    expect((await sweep({ store, clock: clock.now, mailer: working, ladders })).delivered).toBe(1);
    expect(sent.map((n) => n.id)).toEqual([stuck!.id]);
    expect(
      (await store.listNotifications({ caseId: first.caseId }, { limit: 10 })).items[0],
    ).toMatchObject({ status: 'sent', attempts: 2 });
  });
});
