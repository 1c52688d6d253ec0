/**
 * A focal point's assignment delegated to a member unit in WITA, answered for good by the unit:
 * the case resolves, and the complainant's reply window ends when it says, on the manual clock
 * as `POST /dev/clock` moves it (the demo's "watch it in seconds"). The clock stops at each
 * ladder's wake instant; the reply window's wake was its closing instant itself, at which the
 * window is still open, so the case's ladder slept again for that same instant and the case
 * closed only at the clock's next stop (another ladder's step, or the end of the jump): days
 * late, its timeline saying so.
 */
import { Service } from '@pantau/core';
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
const clock = manualClock('2026-04-06T03:00:00.000Z');
let engine: LocalLadderEngine;
let service: Service;

const passTime = (to: string) =>
  engine.passTime({ now: clock.now, set: (d) => clock.set(d.toISOString()) }, new Date(to));

beforeAll(async () => {
  store = await freshStore();
  engine = new LocalLadderEngine({ store, clock: clock.now, mailer: { send: async () => {} } });
  service = new Service({ store, clock: clock.now, ladders: engine });
  await addAgencies(service, [
    { id: 'atr-bpn' },
    { id: 'kanwil-bpn-sulsel', focalPointId: 'atr-bpn', timeZone: 'Asia/Makassar' },
  ]);
});

describe('a delegated assignment answered for good by the member unit', () => {
  it('closes the case when the reply window ends, not at the clock’s next stop', async () => {
    const { caseId } = await forwardedCase(service, ['atr-bpn']);
    await engine.runDue();
    await service.delegate(officerOf('atr-bpn', 'agency_coordinator'), caseId, 'atr-bpn', {
      memberId: 'kanwil-bpn-sulsel',
    });
    await service.respond(officerOf('kanwil-bpn-sulsel'), caseId, 'atr-bpn', {
      kind: 'final',
      message: 'Sertifikat ganda telah dibatalkan.',
    });
    const resolved = await service.getCase(centralOfficer, caseId);
    expect(resolved.status).toBe('resolved');
    const closesAt = resolved.replyWindowClosesAt as string;
    expect(closesAt).toBe('2026-04-20T16:59:59.999Z');

    // Ten days on: nothing else on the engine, so the clock's next stop would be the jump's end.
    await passTime('2026-04-30T03:00:00.000Z');
    const closed = await service.getCase(centralOfficer, caseId);
    expect(closed.status).toBe('closed');
    const ended = (await service.timeline(centralOfficer, caseId, { limit: 100 })).items.find(
      (e) => e.type === 'reply_window_ended',
    );
    // Closed the moment the window ended (within a second), as the runtime on the system
    // clock and Step Functions do, not on 30 April.
    expect(Date.parse(closed.closure!.at) - Date.parse(closesAt)).toBeLessThan(1000);
    // Why, as a code the console says in the reader's words, and its sentence in Indonesian:
    // a client reading the event raw reads no English.
    const closing = (await service.timeline(centralOfficer, caseId, { limit: 100 })).items.find(
      (e) => e.type === 'case_closed',
    );
    expect(closing?.data).toEqual({
      outcome: 'resolved',
      code: 'closed_unanswered',
      reason: 'Tidak ada tanggapan pengadu dalam jangka waktu',
    });
    // The member unit's queue row of the answered assignment says so too.
    const row = (
      await service.queue(officerOf('kanwil-bpn-sulsel'), { ended: true, limit: 25 } as never)
    ).items.find((a) => a.caseId === caseId);
    expect(row?.caseNotice).toEqual({
      code: 'closed_unanswered',
      at: closed.closure!.at,
      outcome: 'resolved',
    });
    expect(Date.parse(ended!.at) - Date.parse(closesAt)).toBeLessThan(1000);
  });
});

describe('a reply window ending in silence with an activity still to come', () => {
  it('calls it off with a “pembatalan” to the agency invited, naming its invitation', async () => {
    const inviting = new Service({
      store,
      clock: clock.now,
      ladders: engine,
      invitationLetters: true,
    });
    clock.set('2026-05-04T03:00:00.000Z');
    const { caseId } = await forwardedCase(inviting, ['atr-bpn']);
    await engine.runDue();
    await inviting.planActivity(centralOfficer, caseId, {
      kind: 'mediation',
      scheduledAt: '2026-06-04T03:00:00.000Z',
      agencyIds: ['atr-bpn'],
    });
    await inviting.respond(officerOf('atr-bpn'), caseId, 'atr-bpn', {
      kind: 'final',
      message: 'Sertifikat ganda telah dibatalkan.',
    });
    await passTime('2026-05-30T03:00:00.000Z');
    expect((await inviting.getCase(centralOfficer, caseId)).status).toBe('closed');
    const letters = (await store.listNotifications({ caseId }, { limit: 100 })).items.filter(
      (n) => n.action === 'invitation',
    );
    const [invitation, cancellation, ...more] = letters.toSorted((x, y) =>
      x.createdAt.localeCompare(y.createdAt),
    );
    expect(more).toEqual([]);
    expect(invitation?.step).toBe('invitation');
    expect(cancellation).toMatchObject({ step: 'invitation_cancelled', agencyId: 'atr-bpn' });
    expect(cancellation!.letterNumber).not.toBe(invitation!.letterNumber);
    expect(cancellation!.body).toContain(
      `surat kami nomor ${invitation!.letterNumber} tanggal 4 Mei 2026`,
    );
    expect(cancellation!.body).toContain(
      'dengan alasan: Pengaduan ditutup: Tidak ada tanggapan pengadu dalam jangka waktu',
    );
  });
});
