/**
 * The Tick on DynamoDB Local: the forwarding letter of an assignment that ended before the
 * first tick, and the numbers of ladder letters to agencies east of Jakarta.
 */
import { type LadderRef, type Mailer, type NotificationRecord, Service } from '@pantau/core';
import type { DynamoStore } from '@pantau/store';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  addAgencies,
  centralOfficer,
  forwardedCase,
  freshStore,
  manualClock,
} from '../../../test/support/dynamodb.ts';
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
    const { rungs } = await reminderAt('2026-10-27T01:00:00.000Z', '2026-10-30T15:00:00.000Z');
    expect(rungs.map((n) => n.action)).toEqual(['warning', 'reminder']);
    for (const n of rungs) {
      expect(n.body, n.action).toContain('\nTanggal: 2 November 2026\n');
      expect(n.document!.placeAndDate, n.action).toBe('Jakarta, 2 November 2026');
      expect(n.letterNumber, n.action).toMatch(/\/11\/2026$/);
    }
  });
});
