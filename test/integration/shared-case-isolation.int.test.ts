/**
 * A case central forwarded to two agencies, as each of them reads it: neither learns the other
 * has it (API.md: "Agencies see case-level events and their own assignment's events only"),
 * whether from the timeline, a re-forward's clock, the case's overdue flag, a search filter or
 * an imported case's row key. A focal point still reads its member units' part, and central all.
 */
import { QueueQuery, Service } from '@pantau/core';
import type { DynamoStore } from '@pantau/store';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAgencies,
  centralAdmin,
  centralOfficer,
  forwardedCase,
  freshStore,
  importedLetter,
  manualClock,
  officerOf,
} from '../support/dynamodb.ts';

let store: DynamoStore;
let service: Service;
const clock = manualClock('2026-04-06T03:00:00.000Z'); // Monday 10:00 WIB

beforeAll(async () => {
  store = await freshStore();
  service = new Service({ store, clock: clock.now });
  await addAgencies(service, [
    { id: 'pln' },
    { id: 'polri' },
    { id: 'atr-bpn' },
    { id: 'kanwil-bpn-jatim', focalPointId: 'atr-bpn' },
  ]);
});

const pln = officerOf('pln');
const polri = officerOf('polri');
const focalPoint = officerOf('atr-bpn', 'agency_coordinator');
const progress = { kind: 'progress' as const, message: 'Sedang kami periksa.' };
const final = { kind: 'final' as const, message: 'Sudah kami selesaikan.' };
const timelineOf = async (who: typeof pln, caseId: string) =>
  (await service.timeline(who, caseId, { limit: 100 })).items;

describe('the timeline of a shared case', () => {
  it('does not show an agency the case-level events another agency’s person caused', async () => {
    clock.set('2026-04-06T03:00:00.000Z');
    const { caseId } = await forwardedCase(service, ['pln', 'polri']);
    clock.set('2026-04-07T03:00:00.000Z');
    // Polri's first answer moves the case to in_follow_up: a case-level event, Polri's actor.
    await service.respond(polri, caseId, 'polri', progress);

    const seen = await timelineOf(pln, caseId);
    expect(JSON.stringify(seen)).not.toContain('polri');
    // What central did to the case stays on it: its forwarding moved it to `forwarded`.
    expect(seen.filter((e) => e.type === 'case_status_changed').map((e) => e.data.to)).toContain(
      'forwarded',
    );
    // Central reads who moved it.
    const all = await timelineOf(centralOfficer, caseId);
    expect(
      all.find((e) => e.type === 'case_status_changed' && e.data.to === 'in_follow_up')?.actor,
    ).toMatchObject({ agency: 'polri' });
  });

  it('shows a focal point its member unit’s case-level events, not another agency’s', async () => {
    clock.set('2026-04-08T03:00:00.000Z');
    const { caseId } = await forwardedCase(service, ['kanwil-bpn-jatim', 'polri']);
    const unit = officerOf('kanwil-bpn-jatim');
    await service.respond(unit, caseId, 'kanwil-bpn-jatim', progress); // → in_follow_up
    await service.respond(unit, caseId, 'kanwil-bpn-jatim', final);
    await service.respond(polri, caseId, 'polri', final); // the last final answer: → resolved

    const seen = await timelineOf(focalPoint, caseId);
    expect(JSON.stringify(seen)).not.toContain('polri');
    expect(
      seen.find((e) => e.type === 'case_status_changed' && e.data.to === 'in_follow_up')?.actor,
    ).toMatchObject({ agency: 'kanwil-bpn-jatim' });
    expect(JSON.stringify(await timelineOf(unit, caseId))).not.toContain('polri');
  });
});

describe('a member unit whose focal point acted on its assignment', () => {
  it('reads the case’s status changes its focal point’s coordinator caused', async () => {
    clock.set('2026-04-08T03:00:00.000Z');
    const { caseId } = await forwardedCase(service, ['kanwil-bpn-jatim']);
    // The coordinator answers for its member unit, in full: the case resolves.
    await service.respond(focalPoint, caseId, 'kanwil-bpn-jatim', final);
    const seen = await timelineOf(officerOf('kanwil-bpn-jatim'), caseId);
    expect(
      seen.find((e) => e.type === 'case_status_changed' && e.data.to === 'resolved')?.actor,
    ).toMatchObject({ agency: 'atr-bpn' });
  });
});

describe('a member unit on a case its focal point also has', () => {
  it('does not read the status change its focal point caused on its own assignment', async () => {
    clock.set('2026-04-09T03:00:00.000Z');
    const { caseId } = await forwardedCase(service, ['kanwil-bpn-jatim', 'atr-bpn']);
    const unit = officerOf('kanwil-bpn-jatim');
    await service.respond(unit, caseId, 'kanwil-bpn-jatim', final);
    // ATR/BPN answers its own assignment, the case's last: it resolves. The unit would learn
    // from that change that another agency (its focal point) has the case.
    await service.respond(officerOf('atr-bpn'), caseId, 'atr-bpn', final);
    expect((await service.getCase(centralOfficer, caseId)).status).toBe('resolved');
    const seen = await timelineOf(unit, caseId);
    expect(seen.filter((e) => e.type === 'case_status_changed').map((e) => e.data.to)).toEqual([
      'forwarded',
      'in_follow_up',
    ]);
    expect(JSON.stringify(seen)).not.toContain('"agency":"atr-bpn"');
  });
});

describe('a re-forward after a redirect', () => {
  it('tells the new agency its clock was inherited, not from whom', async () => {
    const policy = await service.getPolicy('default');
    const { id: _id, version: _v, updatedAt: _u, ...body } = policy;
    await service.putPolicy(centralAdmin, 'default', { ...body, reforwardClock: 'inherit' });
    try {
      clock.set('2026-04-13T03:00:00.000Z');
      const { caseId } = await forwardedCase(service, ['pln']);
      clock.set('2026-04-14T03:00:00.000Z');
      await service.redirect(pln, caseId, 'pln', { reason: 'Bukan kewenangan kami.' });
      clock.set('2026-04-15T03:00:00.000Z');
      await service.forward(centralOfficer, caseId, { assignments: [{ agencyId: 'polri' }] });

      const inherited = {
        basis: 'inherited',
        from: '2026-04-13T03:00:00.000Z',
        inheritedFrom: null,
      };
      const own = await service.getAssignment(polri, caseId, 'polri');
      expect(own.clock).toEqual(inherited);
      const kase = await service.getCase(polri, caseId);
      expect(kase.assignments.map((a) => a.clock)).toEqual([inherited]);
      const queue = await service.queue(polri, QueueQuery.parse({}));
      expect(queue.items.find((a) => a.caseId === caseId)?.clock).toEqual(inherited);
      const acknowledged = await service.acknowledge(polri, caseId, 'polri');
      expect(acknowledged.clock).toEqual(inherited);
      const events = await timelineOf(polri, caseId);
      expect(events.find((e) => e.type === 'assignment_forwarded')?.data).toMatchObject({
        reforwardOf: [{ agencyId: null }],
        clock: inherited,
      });
      expect(JSON.stringify([own, kase, queue, acknowledged, events])).not.toContain('pln');

      // Central reads whose clock it was, and which redirect the forwarding answered.
      expect((await service.getAssignment(centralOfficer, caseId, 'polri')).clock).toEqual({
        ...inherited,
        inheritedFrom: 'pln',
      });
      const forwarding = (await timelineOf(centralOfficer, caseId)).findLast(
        (e) => e.type === 'assignment_forwarded',
      );
      expect(forwarding?.data).toMatchObject({
        reforwardOf: [{ agencyId: 'pln', generation: 1 }],
        clock: { inheritedFrom: 'pln' },
      });
    } finally {
      await service.putPolicy(centralAdmin, 'default', body);
    }
  });
});

describe('overdue on a shared case', () => {
  it('is, for an agency, whether its own assignments are overdue', async () => {
    clock.set('2026-04-20T03:00:00.000Z');
    const { caseId } = await forwardedCase(service, ['pln', 'polri']);
    await service.respond(pln, caseId, 'pln', final); // PLN owes nothing more
    clock.set('2026-06-01T03:00:00.000Z'); // Polri's deadlines all passed

    expect((await service.getCase(centralOfficer, caseId)).overdue).toBe(true);
    expect((await service.getCase(polri, caseId)).overdue).toBe(true);
    expect((await service.getCase(pln, caseId)).overdue).toBe(false);
    // A search hit, which reads no assignments, says so of none.
    const hits = await service.search(pln, { q: 'sertifikat', limit: 100 });
    expect(hits.items.find((h) => h.id === caseId)?.overdue).toBe(false);
  });
});

describe('central monitoring on a shared case', () => {
  it('is, for an agency, whether an activity it is in is open: another agency’s clarification is not its to learn', async () => {
    clock.set('2026-04-06T03:00:00.000Z');
    const { caseId } = await forwardedCase(service, ['pln', 'polri']);
    await service.planActivity(centralOfficer, caseId, {
      kind: 'clarification',
      scheduledAt: '2026-04-10T02:00:00.000Z',
      agencyIds: ['polri'],
    });
    expect((await service.getCase(centralOfficer, caseId)).underMonitoring).toBe(true);
    expect((await service.getCase(polri, caseId)).underMonitoring).toBe(true);
    expect((await service.getCase(pln, caseId)).underMonitoring).toBe(false);
  });
});

describe('the activities of a shared case on the timeline', () => {
  it('are read by the agencies they are held with, not by the others on the case', async () => {
    clock.set('2026-04-06T03:00:00.000Z');
    await addAgencies(service, [{ id: 'bpk' }]);
    const { caseId } = await forwardedCase(service, ['pln', 'polri', 'bpk']);
    // A coordination with two of the three, and central's own evaluation with none.
    const joint = await service.planActivity(centralOfficer, caseId, {
      kind: 'coordination',
      scheduledAt: '2026-04-10T02:00:00.000Z',
      agencyIds: ['polri', 'bpk'],
    });
    await service.planActivity(centralOfficer, caseId, { kind: 'initial_evaluation' });
    await service.reportActivity(centralOfficer, caseId, joint.id, {
      heldAt: '2026-04-06T02:00:00.000Z',
      outcome: 'Sepakat dibenahi',
      summary: 'Kedua instansi sepakat membenahi layanan.',
    });
    const activityEvents = async (who: typeof pln) =>
      (await timelineOf(who, caseId)).filter((e) => e.type.startsWith('activity_'));
    expect(await activityEvents(pln)).toEqual([]);
    expect((await activityEvents(polri)).map((e) => e.type)).toEqual([
      'activity_planned',
      'activity_reported',
    ]);
    expect((await activityEvents(officerOf('bpk'))).map((e) => e.type)).toEqual([
      'activity_planned',
      'activity_reported',
    ]);
    expect(await activityEvents(centralOfficer)).toHaveLength(3);
  });
});

describe('the complainant’s reply on a case whose identity is hidden', () => {
  it('gives the agency the rating, not the message, which may name the complainant', async () => {
    clock.set('2026-04-06T03:00:00.000Z');
    const created = await service.createCase(centralOfficer, {
      channel: 'letter',
      complainant: { name: 'Rina Marlina', phone: '081234567890' },
      identityHidden: true,
      subject: 'Pungutan di kantor kelurahan',
      description: 'Diminta uang untuk surat pengantar.',
    });
    await service.verifyCase(centralOfficer, created.id, { decision: 'accept', type: 'light' });
    await service.forward(centralOfficer, created.id, { assignments: [{ agencyId: 'pln' }] });
    await service.respond(pln, created.id, 'pln', final);
    await service.reply(created.trackingCode!, {
      satisfied: false,
      rating: 2,
      message: 'Saya Rina Marlina, 081234567890: uangnya belum dikembalikan.',
    });
    const replied = (await timelineOf(pln, created.id)).find(
      (e) => e.type === 'complainant_replied',
    );
    expect(replied?.data).toMatchObject({ satisfied: false, rating: 2 });
    expect(JSON.stringify(replied)).not.toContain('Rina');
    const central = (await timelineOf(centralOfficer, created.id)).find(
      (e) => e.type === 'complainant_replied',
    );
    expect(central?.data.message).toContain('Rina Marlina');
  });
});

describe('searching with an agency filter', () => {
  /** Registered, verified and forwarded to `agencies`, about `subject`: its id. */
  async function caseAbout(subject: string, agencies: string[]) {
    const c = await service.createCase(centralOfficer, {
      channel: 'letter',
      complainant: { name: 'Siti Aminah' },
      subject,
      description: 'Mohon ditindaklanjuti.',
    });
    await service.verifyCase(centralOfficer, c.id, { decision: 'accept', type: 'normative' });
    await service.forward(centralOfficer, c.id, {
      assignments: agencies.map((agencyId) => ({ agencyId })),
    });
    return c.id;
  }
  const found = async (who: typeof pln, agencyId: string) =>
    (await service.search(who, { q: 'gardu', limit: 100, agencyId })).items.map((h) => h.id);

  it('matches, for an agency, only the agencies it may see: another’s id matches nothing', async () => {
    clock.set('2026-06-08T03:00:00.000Z');
    const shared = await caseAbout('Gardu listrik terbakar', ['pln', 'polri']);
    const own = await caseAbout('Gardu listrik berisik', ['pln']);
    const unit = await caseAbout('Gardu listrik dekat kantor pertanahan', ['kanwil-bpn-jatim']);

    expect(await found(pln, 'polri')).toEqual([]);
    expect(await found(pln, 'no-such-agency')).toEqual([]);
    expect((await found(pln, 'pln')).sort()).toEqual([shared, own].sort());
    // A focal point filters by its member unit; central by anyone.
    expect(await found(focalPoint, 'kanwil-bpn-jatim')).toEqual([unit]);
    expect(await found(centralOfficer, 'polri')).toEqual([shared]);
  });
});

describe('an imported case', () => {
  it('gives an agency when it was imported, not its row key (the sender, the subject as written)', async () => {
    clock.set('2026-06-15T03:00:00.000Z');
    const caseId = await importedLetter(service, {
      received: '10/06/2026',
      name: 'Budi Santoso',
      subject: 'Meteran rumah Pak Harun Wibisono dicabut',
      description: 'Meteran dicabut tanpa pemberitahuan.',
    });
    // Central restates the subject to take the name out, then forwards it.
    await service.verifyCase(centralOfficer, caseId, {
      decision: 'accept',
      type: 'normative',
      subject: 'Meteran listrik dicabut',
    });
    await service.forward(centralOfficer, caseId, { assignments: [{ agencyId: 'pln' }] });

    const central = await service.getCase(centralOfficer, caseId);
    expect(central.imported?.rowKey).toContain('HARUN');
    const kase = await service.getCase(pln, caseId);
    expect(kase.imported).toEqual({ at: central.imported!.at });
    const hit = (await service.search(pln, { q: 'meteran', limit: 100 })).items.find(
      (h) => h.id === caseId,
    );
    expect(hit?.imported).toEqual({ at: central.imported!.at });
    const events = await timelineOf(pln, caseId);
    expect(JSON.stringify([kase, hit, events]).toUpperCase()).not.toContain('HARUN');
  });
});
