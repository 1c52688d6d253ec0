/**
 * The legal outer limit (DOMAIN.md "Time rules": 60 calendar days from a complete file,
 * Perpres 76/2013), as central and the agency read it on the case: from the receipt, or from
 * the acceptance once the complainant sent what was missing; passed while the case is still
 * open after it, no longer once the agencies' final answers are in.
 */
import { Service } from '@pantau/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAgencies,
  centralOfficer,
  freshStore,
  importedLetter,
  manualClock,
  officerOf,
} from '../support/dynamodb.ts';

const clock = manualClock('2026-02-02T03:00:00.000Z'); // Monday 2 February 2026, 10:00 WIB
let service: Service;

beforeAll(async () => {
  service = new Service({ store: await freshStore(), clock: clock.now });
  await addAgencies(service, [{ id: 'pln' }]);
}, 60_000);

const complaint = {
  channel: 'letter' as const,
  complainant: { name: 'Yohana Kaize' },
  subject: 'Listrik padam berhari-hari',
  description: 'Sudah seminggu.',
};

describe('the legal outer limit of a case', () => {
  it('runs 60 calendar days from the receipt, and is passed while the case is still open', async () => {
    clock.set('2026-02-02T03:00:00.000Z');
    const { id } = await service.createCase(centralOfficer, complaint);
    expect((await service.getCase(centralOfficer, id)).legalLimit).toBeNull();
    await service.verifyCase(centralOfficer, id, { decision: 'accept', type: 'examination' });
    await service.forward(centralOfficer, id, { assignments: [{ agencyId: 'pln' }] });
    // 2 February + 60 days: Friday 3 April, to its end in WIB (the examination's 60 working
    // days run to May).
    const limit = { at: '2026-04-03T16:59:59.999Z', passed: false };
    expect((await service.getCase(centralOfficer, id)).legalLimit).toEqual(limit);
    expect((await service.getCase(officerOf('pln'), id)).legalLimit).toEqual(limit);

    clock.set('2026-04-04T03:00:00.000Z');
    expect((await service.getCase(officerOf('pln'), id)).legalLimit).toEqual({
      ...limit,
      passed: true,
    });
    // Settled (the agency's final answer in): the limit no longer runs.
    await service.respond(officerOf('pln'), id, 'pln', { kind: 'final', message: 'Sudah normal.' });
    expect((await service.getCase(centralOfficer, id)).legalLimit).toEqual(limit);
  });

  it('counts from the acceptance when the complainant first had to send what was missing', async () => {
    clock.set('2026-02-02T03:00:00.000Z');
    const { id } = await service.createCase(centralOfficer, complaint);
    await service.verifyCase(centralOfficer, id, {
      decision: 'needs_info',
      missing: 'Nomor ID pelanggan',
    });
    clock.set('2026-02-10T02:00:00.000Z');
    await service.verifyCase(centralOfficer, id, { decision: 'accept', type: 'normative' });
    expect((await service.getCase(centralOfficer, id)).legalLimit).toEqual({
      at: '2026-04-11T16:59:59.999Z',
      passed: false,
    });
  });

  it('counts an imported letter from the day the register received it, not from the import', async () => {
    clock.set('2026-06-15T03:00:00.000Z');
    const id = await importedLetter(service, {
      received: '10/04/2026',
      name: 'Budi Santoso',
      subject: 'Meteran dicabut',
      description: 'Meteran dicabut tanpa pemberitahuan.',
    });
    await service.verifyCase(centralOfficer, id, { decision: 'accept', type: 'normative' });
    // Received 10 April: its 60 days ended on 9 June, before the import.
    expect((await service.getCase(centralOfficer, id)).legalLimit).toEqual({
      at: '2026-06-09T16:59:59.999Z',
      passed: true,
    });
  });

  it('has none for a complaint rejected', async () => {
    const { id } = await service.createCase(centralOfficer, complaint);
    await service.verifyCase(centralOfficer, id, { decision: 'reject', note: 'Bukan pengaduan' });
    expect((await service.getCase(centralOfficer, id)).legalLimit).toBeNull();
  });
});
