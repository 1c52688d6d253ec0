/**
 * What the complainant is told on the tracking page: where to send what central asked for, and
 * why a complaint was rejected. A rejection's note was thrown away (on neither the case nor
 * its timeline), and the complainant read "Ditolak" and nothing else: no reason, no one to ask.
 */
import { createApp } from '@pantau/api';
import { CENTRAL_TENANT, Service } from '@pantau/core';
import type { DynamoStore } from '@pantau/store';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAgencies,
  centralAdmin,
  centralOfficer,
  freshStore,
  manualClock,
  officerOf,
} from '../support/dynamodb.ts';
import { testIssuer } from '../support/tokens.ts';

let service: Service;
let store: DynamoStore;
let app: ReturnType<typeof createApp>;
const clock = manualClock('2026-04-13T02:00:00.000Z');

beforeAll(async () => {
  store = await freshStore();
  service = new Service({ store, clock: clock.now });
  app = createApp({ store, verifier: (await testIssuer()).verifier, clock: clock.now });
  await addAgencies(service, [{ id: 'polri' }, { id: 'pln' }]);
}, 60_000);

describe('a case waiting for the complainant', () => {
  it('sends them to central’s liaison, not to the first contact listed (its head)', async () => {
    await service.updateAgency(centralAdmin, CENTRAL_TENANT, {
      contacts: [
        { kind: 'head', name: 'Asisten Deputi', email: 'asdep@setneg.go.id' },
        { kind: 'liaison', name: 'Layanan Pengaduan', email: 'dumas@setneg.go.id' },
      ],
    });
    const created = await service.createCase(centralOfficer, {
      channel: 'letter',
      complainant: { name: 'Siti Aminah' },
      subject: 'Sertifikat tanah belum terbit',
      description: 'Sudah dua tahun.',
    });
    await service.verifyCase(centralOfficer, created.id, {
      decision: 'needs_info',
      missing: 'Fotokopi sertifikat',
    });
    const view = await service.track(created.trackingCode!);
    expect(view.infoRequest?.sendTo).toEqual({
      name: 'Layanan Pengaduan',
      email: 'dumas@setneg.go.id',
    });
  }, 60_000);

  it('gives the unit’s postal address from its letterhead, for one who has no other address to send to (a web form)', async () => {
    // Before, the page said "by letter to the address where you made the complaint": a
    // complainant who used the web form has none.
    const created = await service.createCase(centralOfficer, {
      channel: 'web',
      complainant: { name: 'Siti Aminah' },
      subject: 'Sertifikat tanah belum terbit',
      description: 'Sudah dua tahun.',
    });
    await service.verifyCase(centralOfficer, created.id, {
      decision: 'needs_info',
      missing: 'Fotokopi sertifikat',
    });
    const defaults = await service.track(created.trackingCode!);
    expect(defaults.infoRequest?.postalAddress).toBe(
      'Asisten Deputi Pengaduan Masyarakat, Jalan Veteran Nomor 17–18, Jakarta Pusat 10110',
    );
    const settings = await service.documentSettings(centralAdmin);
    await service.putDocumentSettings(centralAdmin, {
      ...settings,
      letterhead: {
        ministry: 'KEMENTERIAN SEKRETARIAT NEGARA RI',
        unit: 'Asdep Pengaduan Masyarakat',
        address: 'Gedung Utama Lt. 2, Jalan Veteran 17, Jakarta 10110',
        city: 'Jakarta',
      },
    });
    const saved = await service.track(created.trackingCode!);
    expect(saved.infoRequest?.postalAddress).toBe(
      'Asdep Pengaduan Masyarakat, Gedung Utama Lt. 2, Jalan Veteran 17, Jakarta 10110',
    );
  }, 60_000);
});

describe('a complaint central rejects', () => {
  const rejected = async (confidential: boolean) => {
    const created = await service.createCase(centralOfficer, {
      channel: 'letter',
      complainant: { name: 'Budi Santoso' },
      confidential,
      subject: 'Sengketa waris keluarga',
      description: 'Pembagian warisan antarsaudara.',
    });
    const view = await service.verifyCase(centralOfficer, created.id, {
      decision: 'reject',
      reason: 'Sengketa perdata antarwarga: ajukan ke pengadilan negeri setempat.',
      note: 'Sudah dicek dengan Biro Hukum.',
    });
    return { created, view };
  };

  it('keeps central’s note and tells the complainant why, and whom to ask', async () => {
    const { created, view } = await rejected(false);
    expect(view.rejection).toMatchObject({
      reason: 'Sengketa perdata antarwarga: ajukan ke pengadilan negeri setempat.',
      note: 'Sudah dicek dengan Biro Hukum.',
    });
    const events = (await service.timeline(centralOfficer, created.id, { limit: 10 })).items;
    expect(events.find((e) => e.type === 'case_rejected')?.data).toMatchObject({
      reason: 'Sengketa perdata antarwarga: ajukan ke pengadilan negeri setempat.',
      note: 'Sudah dicek dengan Biro Hukum.',
    });
    const tracked = await service.track(created.trackingCode!);
    expect(tracked.rejection).toEqual({
      reason: 'Sengketa perdata antarwarga: ajukan ke pengadilan negeri setempat.',
    });
    expect(tracked.contact).toEqual({ name: 'Layanan Pengaduan', email: 'dumas@setneg.go.id' });
    expect(JSON.stringify(tracked)).not.toContain('Biro Hukum');
    // Sent again (its answer lost): answered as it is. A corrected reason is refused (409),
    // never answered 200 while the complainant keeps reading the first.
    const decision = {
      decision: 'reject',
      reason: 'Sengketa perdata antarwarga: ajukan ke pengadilan negeri setempat.',
      note: 'Sudah dicek dengan Biro Hukum.',
    } as const;
    await expect(service.verifyCase(centralOfficer, created.id, decision)).resolves.toMatchObject({
      status: 'rejected',
    });
    await expect(
      service.verifyCase(centralOfficer, created.id, { ...decision, reason: 'Bukan kewenangan.' }),
    ).rejects.toMatchObject({ code: 'invalid_transition' });
  }, 60_000);

  it('on a confidential report, says it is rejected and whom to ask, and no more', async () => {
    const { created } = await rejected(true);
    const tracked = await service.track(created.trackingCode!);
    expect(tracked.status).toBe('rejected');
    expect(tracked.rejection).toEqual({ reason: null });
    expect(tracked.contact).not.toBeNull();
  }, 60_000);
});

describe('an agency waiting for the complainant', () => {
  const polri = officerOf('polri');
  const pln = officerOf('pln');
  /** A complaint forwarded to Polri and PLN: its id and tracking code. */
  const forwarded = async (confidential = false) => {
    const created = await service.createCase(centralOfficer, {
      channel: 'web',
      complainant: { name: 'Siti Aminah' },
      subject: 'Laporan kehilangan tidak diproses',
      description: 'Sudah sebulan.',
      ...(confidential ? { confidential } : {}),
    });
    await service.verifyCase(centralOfficer, created.id, { decision: 'accept', type: 'normative' });
    await service.forward(centralOfficer, created.id, {
      assignments: [{ agencyId: 'polri' }, { agencyId: 'pln' }],
    });
    return { id: created.id, code: created.trackingCode! };
  };
  const asked = 'Fotokopi surat tanda lapor kehilangan dan nomor telepon yang dapat dihubungi';

  it('tells the complainant what the agency asks of them, by the agency’s name, and where to send it', async () => {
    // Before, a pause "waiting for the complainant" was known only to the agency and central:
    // the complainant read "Diteruskan" and nothing asked of them, and the clock stood still.
    const { id, code } = await forwarded();
    await service.pauseAssignment(polri, id, 'polri', 'Menunggu data pengadu', undefined, asked);
    // A pause for the agency's own reasons says nothing to the complainant.
    await service.pauseAssignment(pln, id, 'pln', 'Menunggu hasil survei lapangan');
    const view = await service.track(code);
    const { agendaNumber } = await service.getCase(centralOfficer, id);
    expect(view.agencyRequests).toEqual({
      items: [{ agencyName: 'Agency polri', asked, askedAt: clock.now().toISOString() }],
      // Sent through central, which holds the complainant's identity, quoting the agenda number.
      sendTo: view.contact,
      postalAddress: expect.stringMatching(/Pengaduan Masyarakat, .*Jalan Veteran/),
      reference: agendaNumber,
    });
    expect(JSON.stringify(view)).not.toContain('Menunggu data pengadu');
    expect(JSON.stringify(view)).not.toContain('survei');
    // The agency's timeline keeps what it asked.
    const [paused] = (
      await service.timeline(polri, id, { limit: 5, order: 'newest' })
    ).items.filter((e) => e.type === 'assignment_paused');
    expect(paused?.data).toMatchObject({ reason: 'Menunggu data pengadu', asked });

    // Once the clock runs again (what was asked came), the request is no longer shown.
    await service.resumeAssignment(polri, id, 'polri');
    expect((await service.track(code)).agencyRequests).toBeNull();
  }, 60_000);

  it('shows nothing of it on a confidential report, which shows its status only', async () => {
    const { id, code } = await forwarded(true);
    await service.pauseAssignment(polri, id, 'polri', 'Menunggu data pengadu', undefined, asked);
    const view = await service.track(code);
    expect(view.agencyRequests).toBeNull();
    expect(JSON.stringify(view)).not.toContain(asked);
  }, 60_000);
});

describe('by when the agencies are asked to answer', () => {
  const polri = officerOf('polri');
  const pln = officerOf('pln');
  /** The tracking page's request, through the HTTP app as the complainant's browser sends it. */
  const tracked = async (code: string) => {
    const res = await app.request('/v1/track', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { answersDueBy: string | null; status: string };
  };
  /** Each agency's final-answer deadline as its assignment holds it now. */
  const dueOf = async (id: string) =>
    Object.fromEntries(
      (await store.getCase(id))!.assignments.map((a) => [a.agencyId, a.due.resolution]),
    );
  const forwarded = async (confidential = false) => {
    const created = await service.createCase(centralOfficer, {
      channel: 'web',
      complainant: { name: 'Rahmat Hidayat' },
      subject: 'Tiang listrik miring di depan sekolah',
      description: 'Sudah dilaporkan ke kelurahan, belum ada tindakan.',
      ...(confidential ? { confidential } : {}),
    });
    await service.verifyCase(centralOfficer, created.id, { decision: 'accept', type: 'normative' });
    return { id: created.id, code: created.trackingCode! };
  };

  it('gives the latest deadline of the agencies still owing their answer, moved by an extension, none while a clock stands', async () => {
    const { id, code } = await forwarded();
    // Not yet forwarded: no agency is asked anything.
    expect((await tracked(code)).answersDueBy).toBeNull();
    await service.forward(centralOfficer, id, {
      assignments: [{ agencyId: 'polri' }, { agencyId: 'pln' }],
    });
    const first = await dueOf(id);
    expect((await tracked(code)).answersDueBy).toBe([first.polri!, first.pln!].sort().at(-1));

    // PLN is given 10 more working days: the date moves with it, read from the assignment.
    const asked = await service.requestExtension(pln, id, 'pln', {
      workingDays: 10,
      reason: 'Menunggu jadwal pemeliharaan jaringan',
    });
    await service.decideExtension(centralOfficer, id, 'pln', asked.id, { approve: true });
    const extended = await dueOf(id);
    expect(extended.pln! > first.pln!).toBe(true);
    const view = await tracked(code);
    expect(view.answersDueBy).toBe(extended.pln);
    // Nothing of why: the agency's reason stays the agency's and central's.
    expect(JSON.stringify(view)).not.toContain('pemeliharaan');

    // PLN answers: the complaint waits for Polri alone, by its own date.
    await service.respond(pln, id, 'pln', { kind: 'final', message: 'Tiang sudah diganti.' });
    expect((await tracked(code)).answersDueBy).toBe(extended.polri);

    // Polri's clock stands (waiting for the complainant): no date runs until it resumes.
    await service.pauseAssignment(polri, id, 'polri', 'Menunggu data pengadu', undefined, 'Foto');
    expect((await tracked(code)).answersDueBy).toBeNull();
    await service.resumeAssignment(polri, id, 'polri');
    const resumed = await dueOf(id);
    expect((await tracked(code)).answersDueBy).toBe(resumed.polri);

    // All answered: nothing more is due from them.
    await service.respond(polri, id, 'polri', { kind: 'final', message: 'Sudah ditindak.' });
    expect(await tracked(code)).toMatchObject({ status: 'resolved', answersDueBy: null });
  }, 60_000);

  it('says no date on a confidential report, which shows its status only', async () => {
    const { id, code } = await forwarded(true);
    await service.forward(centralOfficer, id, { assignments: [{ agencyId: 'polri' }] });
    expect(await tracked(code)).toMatchObject({ status: 'forwarded', answersDueBy: null });
  }, 60_000);
});
