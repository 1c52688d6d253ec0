/**
 * Central's invitation letters (surat undangan) to the agencies of an activity it plans, on
 * DynamoDB Local, sent by the sweep through the embedded mailer, its `.eml` files and their
 * PDFs read back with the real parsers: each agency's letter in its own zone, once per change
 * (a request sent again writes none), a new date's letter and a cancellation's naming the
 * invitation, and no complainant on a hidden-identity case; a case's close (central's, the
 * complainant's "satisfied") writes a cancellation for each activity it calls off, once however
 * often it is tried.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type CaseChange,
  type NotificationRecord,
  Service,
  type Store,
  WriteConflict,
} from '@pantau/core';
import { sweep } from '@pantau/workflow';
import { beforeAll, describe, expect, it } from 'vitest';
import { emlMailer } from '../../packages/local/src/mailer.ts';
import { parseEml, pdfText } from '../../packages/documents/test/read-back.ts';
import {
  addAgencies,
  centralOfficer,
  forwardedCase,
  freshStore,
  manualClock,
  officerOf,
} from '../support/dynamodb.ts';

let service: Service;
let store: Store;
const mailDir = mkdtempSync(join(tmpdir(), 'pantau-invitations-'));
const mailer = emlMailer(mailDir);
// Thursday 3 December 2026, 10:00 WIB.
const clock = manualClock('2026-12-03T03:00:00.000Z');
const NUMBER = /^B-\d+\/Kemensetneg\/D-4\/DM\.05\/12\/2026$/;
const VENUE = 'Ruang Rapat Lt. 2, Gedung III Kemensetneg';
/** Thursday 10 December 2026, 10.00 WITA (09.00 WIB). */
const AT = '2026-12-10T02:00:00.000Z';

beforeAll(async () => {
  service = new Service({
    store: (store = await freshStore()),
    clock: clock.now,
    invitationLetters: true,
    consoleUrl: 'https://pantau.example.go.id',
  });
  await addAgencies(service, [{ id: 'bpn' }, { id: 'ntb', timeZone: 'Asia/Makassar' }]);
}, 60_000);

const invitations = async (caseId: string) =>
  (await store.listNotifications({ caseId }, { limit: 100 })).items.filter(
    (n) => n.action === 'invitation',
  );

/** The letters sent since `seen` (the sweep's run), with their e-mail's text and PDF's. */
async function sentNow(): Promise<Map<string, { text: string; pdf: string }>> {
  const result = await sweep({ store, clock: clock.now, mailer });
  expect(result.failedLetters).toBe(0);
  const out = new Map<string, { text: string; pdf: string }>();
  for (const day of readdirSync(mailDir))
    for (const file of readdirSync(join(mailDir, day))) {
      const mail = await parseEml(readFileSync(join(mailDir, day, file)));
      const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf');
      out.set(file.replace(/\.eml$/, ''), {
        text: (mail.text ?? '').replace(/\s+/g, ' '),
        // The PDF sets its labels apart ("Pukul : 10.00 WITA"): read as the e-mail says them.
        pdf: pdf ? (await pdfText(pdf.content)).replaceAll(' : ', ': ') : '',
      });
    }
  return out;
}

const byAgency = (letters: NotificationRecord[], agencyId: string, step: string) =>
  letters.filter((n) => n.agencyId === agencyId && n.step === step);

describe('an activity planned with agencies', () => {
  it('invites each agency by a numbered letter in its own zone, once; a new date and a cancellation name it', async () => {
    const { caseId } = await forwardedCase(service, ['bpn', 'ntb']);
    const plan = {
      kind: 'mediation' as const,
      scheduledAt: AT,
      agencyIds: ['bpn', 'ntb'],
      plan: 'Mempertemukan pengadu dengan kantor pertanahan.',
      venue: VENUE,
    };
    const idem = { key: 'plan-mediasi-1', fingerprint: 'plan-mediasi-1' };
    const planned = await service.planActivity(centralOfficer, caseId, plan, idem);
    expect(planned.venue).toBe(VENUE);
    const first = await invitations(caseId);
    expect(first.map((n) => [n.agencyId, n.step, n.status]).toSorted()).toEqual([
      ['bpn', 'invitation', 'pending'],
      ['ntb', 'invitation', 'pending'],
    ]);
    for (const n of first) expect(n.letterNumber).toMatch(NUMBER);
    expect(new Set(first.map((n) => n.letterNumber)).size).toBe(2);

    // The same request again (its answer lost): answered as made, no second letter.
    await expect(service.planActivity(centralOfficer, caseId, plan, idem)).resolves.toEqual(
      planned,
    );
    expect(await invitations(caseId)).toHaveLength(2);

    // The agency reads where, on its coming list and on the case.
    const ntb = officerOf('ntb');
    const coming = await service.invitedActivities(ntb, { limit: 25, scope: 'own' });
    expect(coming.items.map((i) => i.venue)).toEqual([VENUE]);
    const seen = await service.getCase(ntb, caseId);
    expect(seen.activities.map((a) => a.venue)).toEqual([VENUE]);

    // Sent at once by the sweep (central's act: no letter hours, no grace for a Tick).
    const mails = await sentNow();
    const toNtb = mails.get(byAgency(first, 'ntb', 'invitation')[0]!.id)!;
    const toBpn = mails.get(byAgency(first, 'bpn', 'invitation')[0]!.id)!;
    for (const said of [toNtb.text, toNtb.pdf]) {
      expect(said).toContain('kami mengundang Saudara untuk menghadiri kegiatan mediasi');
      expect(said).toContain('Hari/tanggal: Kamis, 10 Desember 2026');
      expect(said).toContain('Pukul: 10.00 WITA');
      expect(said).toContain(`Tempat: ${VENUE}`);
      expect(said).toContain('Acara: Mediasi — Mempertemukan pengadu');
      expect(said).toContain('https://pantau.example.go.id/cases/');
    }
    expect(toNtb.pdf).toContain('Sifat: Segera');
    expect(toNtb.text).toContain('Sifat: Segera');
    expect(toBpn.text).toContain('Pukul: 09.00 WIB');
    const ntbNumber = byAgency(first, 'ntb', 'invitation')[0]!.letterNumber!;
    expect(toNtb.pdf).toContain(ntbNumber);

    // Moved: a "perubahan jadwal" to each, naming its invitation, and the new day and hour.
    clock.set('2026-12-04T03:00:00.000Z');
    const moved = { scheduledAt: '2026-12-11T03:00:00.000Z' };
    await service.scheduleActivity(centralOfficer, caseId, planned.id, moved);
    await service.scheduleActivity(centralOfficer, caseId, planned.id, moved); // sent again
    const second = await invitations(caseId);
    expect(byAgency(second, 'ntb', 'invitation_moved')).toHaveLength(1);
    expect(byAgency(second, 'bpn', 'invitation_moved')).toHaveLength(1);
    const movedMail = (await sentNow()).get(byAgency(second, 'ntb', 'invitation_moved')[0]!.id)!;
    for (const said of [movedMail.text, movedMail.pdf]) {
      expect(said).toContain(`surat kami nomor ${ntbNumber} tanggal 3 Desember 2026`);
      expect(said).toContain('semula dijadwalkan pada Kamis, 10 Desember 2026 pukul 10.00 WITA');
      expect(said).toContain('Hari/tanggal: Jumat, 11 Desember 2026');
      expect(said).toContain('Pukul: 11.00 WITA');
    }

    // Cancelled: a "pembatalan" naming the invitation and why, once.
    const reason = 'Instansi telah menyelesaikan pengaduan sebelum mediasi.';
    await service.cancelActivity(centralOfficer, caseId, planned.id, { reason });
    await service.cancelActivity(centralOfficer, caseId, planned.id, { reason });
    const third = await invitations(caseId);
    expect(third).toHaveLength(6);
    const cancelled = byAgency(third, 'ntb', 'invitation_cancelled');
    expect(cancelled).toHaveLength(1);
    const cancelMail = (await sentNow()).get(cancelled[0]!.id)!;
    for (const said of [cancelMail.text, cancelMail.pdf]) {
      expect(said).toContain(`surat kami nomor ${ntbNumber} tanggal 3 Desember 2026`);
      expect(said).toContain(`dibatalkan, dengan alasan: ${reason}`);
    }

    // The timeline notes each letter, each agency's its own to read.
    const events = await service.timeline(ntb, caseId, { limit: 100 });
    expect(
      events.items.filter((e) => e.type === 'invitation_letter').map((e) => e.data.step),
    ).toEqual(['invitation', 'invitation_moved', 'invitation_cancelled']);
  });

  it('sends an invitation whatever the ladder says of the assignment meanwhile (its answer given)', async () => {
    const { caseId } = await forwardedCase(service, ['bpn']);
    await service.planActivity(centralOfficer, caseId, {
      kind: 'case_conference',
      scheduledAt: AT,
      agencyIds: ['bpn'],
    });
    // Answered in full before the sweep: a ladder letter would be void (`ended`), not this one.
    const bpn = officerOf('bpn');
    await service.acknowledge(bpn, caseId, 'bpn');
    await service.respond(bpn, caseId, 'bpn', { kind: 'final', message: 'Sertifikat terbit.' });
    const [letter] = await invitations(caseId);
    const mail = (await sentNow()).get(letter!.id)!;
    expect(mail.text).toContain('kegiatan gelar kasus');
    expect((await invitations(caseId)).map((n) => n.status)).toEqual(['sent']);
  });

  it('names no complainant on a case whose identity is hidden', async () => {
    const created = await service.createCase(centralOfficer, {
      channel: 'letter',
      complainant: { name: 'Siti Aminah', phone: '0812000000' },
      identityHidden: true,
      subject: 'Sertifikat tanah belum terbit',
      description: 'Sudah dua tahun.',
    });
    await service.verifyCase(centralOfficer, created.id, { decision: 'accept', type: 'normative' });
    await service.forward(centralOfficer, created.id, { assignments: [{ agencyId: 'bpn' }] });
    await service.planActivity(centralOfficer, created.id, {
      kind: 'clarification',
      scheduledAt: AT,
      agencyIds: ['bpn'],
    });
    const [letter] = await invitations(created.id);
    const mail = (await sentNow()).get(letter!.id)!;
    for (const said of [mail.text, mail.pdf, JSON.stringify(letter)]) {
      expect(said).not.toContain('Siti');
      expect(said).not.toContain('0812');
    }
    // No venue: the unit's own address, from its letterhead.
    expect(mail.text).toContain(
      'Tempat: Kantor Asisten Deputi Pengaduan Masyarakat, Jalan Veteran',
    );
  });
});

describe('a case closed with activities still to come', () => {
  const mediation = {
    kind: 'mediation' as const,
    scheduledAt: AT,
    agencyIds: ['bpn', 'ntb'],
    venue: VENUE,
  };
  const NOTE = 'Catatan internal: pengadu Siti menelepon, jangan diteruskan.';

  it('writes each agency invited a numbered "pembatalan" naming its invitation and the close, once', async () => {
    clock.set('2026-12-04T03:00:00.000Z');
    const { caseId } = await forwardedCase(service, ['bpn', 'ntb']);
    const planned = await service.planActivity(centralOfficer, caseId, mediation);
    // Planned without a date: no invitation was written, so no cancellation is owed.
    await service.planActivity(centralOfficer, caseId, {
      kind: 'clarification',
      agencyIds: ['bpn'],
    });
    const invited = await invitations(caseId);
    expect(invited).toHaveLength(2);
    await sentNow();

    clock.set('2026-12-07T03:00:00.000Z');
    await service.closeCase(centralOfficer, caseId, { outcome: 'resolved', note: NOTE });
    // Sent again (its answer lost): answered as closed, no second letter.
    await service.closeCase(centralOfficer, caseId, { outcome: 'resolved', note: NOTE });
    const letters = await invitations(caseId);
    const cancelled = letters.filter((n) => n.step === 'invitation_cancelled');
    expect(cancelled.map((n) => [n.agencyId, n.activityId, n.status]).toSorted()).toEqual([
      ['bpn', planned.id, 'pending'],
      ['ntb', planned.id, 'pending'],
    ]);
    for (const n of cancelled) expect(n.letterNumber).toMatch(NUMBER);
    expect(new Set(letters.map((n) => n.letterNumber)).size).toBe(4);

    // Sent by the sweep at once, as the explicit cancellation's.
    const mails = await sentNow();
    for (const agencyId of ['bpn', 'ntb']) {
      const number = byAgency(invited, agencyId, 'invitation')[0]!.letterNumber!;
      const letter = byAgency(cancelled, agencyId, 'invitation_cancelled')[0]!;
      const mail = mails.get(letter.id)!;
      for (const said of [mail.text, mail.pdf]) {
        expect(said).toContain(`surat kami nomor ${number} tanggal 4 Desember 2026`);
        expect(said).toContain('kegiatan mediasi yang dijadwalkan pada Kamis, 10 Desember 2026');
        expect(said).toContain('dibatalkan, dengan alasan: Pengaduan ditutup (Terselesaikan).');
      }
      // Never the close's note, never who complained.
      for (const said of [mail.text, mail.pdf, JSON.stringify(letter)]) {
        expect(said).not.toContain('Catatan internal');
        expect(said).not.toContain('Siti');
        expect(said).not.toContain('0812');
      }
    }
    expect((await invitations(caseId)).map((n) => n.status)).toEqual(
      Array.from({ length: 4 }, () => 'sent'),
    );
    // The agency's timeline notes it, its own to read.
    const events = await service.timeline(officerOf('ntb'), caseId, { limit: 100 });
    expect(
      events.items.filter((e) => e.type === 'invitation_letter').map((e) => e.data.step),
    ).toEqual(['invitation', 'invitation_cancelled']);
  });

  it('tried again after a conflict, writes each letter once (the first try’s numbers are a gap)', async () => {
    clock.set('2026-12-04T03:00:00.000Z');
    const { caseId } = await forwardedCase(service, ['bpn', 'ntb']);
    await service.planActivity(centralOfficer, caseId, mediation);
    let conflicts = 0;
    const racing: Store = new Proxy(store, {
      get(target, name) {
        if (name === 'commit')
          return async (change: CaseChange) => {
            // A colleague's change landed first: the close reads the case again.
            if (change.case?.record.status === 'closed' && conflicts++ === 0)
              throw new WriteConflict('version', `case ${caseId} was saved since`);
            return target.commit(change);
          };
        const value: unknown = Reflect.get(target, name, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const closing = new Service({ store: racing, clock: clock.now, invitationLetters: true });
    clock.set('2026-12-07T03:00:00.000Z');
    await closing.closeCase(centralOfficer, caseId, { outcome: 'unresolved' });
    expect(conflicts).toBe(2);
    const cancelled = (await invitations(caseId)).filter((n) => n.step === 'invitation_cancelled');
    expect(cancelled.map((n) => n.agencyId).toSorted()).toEqual(['bpn', 'ntb']);
    expect(cancelled[0]!.body).toContain('Pengaduan ditutup (Tidak terselesaikan)');
  });

  it('shares the letter with the member unit holding the agency’s assignment, as a cancellation does', async () => {
    clock.set('2026-12-04T03:00:00.000Z');
    await addAgencies(service, [{ id: 'kantah-lombok', focalPointId: 'ntb' }]);
    const { caseId } = await forwardedCase(service, ['ntb']);
    await service.delegate(officerOf('ntb', 'agency_coordinator'), caseId, 'ntb', {
      memberId: 'kantah-lombok',
    });
    await service.planActivity(centralOfficer, caseId, { ...mediation, agencyIds: ['ntb'] });
    clock.set('2026-12-07T03:00:00.000Z');
    await service.closeCase(centralOfficer, caseId, { outcome: 'resolved' });
    const cancelled = (await invitations(caseId)).filter((n) => n.step === 'invitation_cancelled');
    expect(cancelled.map((n) => n.agencyId)).toEqual(['ntb']);
    // The unit that does the work reads it on its letters log, beside the invitation.
    const log = await service.listNotifications(officerOf('kantah-lombok'), { limit: 100 });
    expect(log.items.filter((n) => n.caseId === caseId).map((n) => [n.agencyId, n.step])).toEqual([
      ['ntb', 'invitation_cancelled'],
      ['ntb', 'invitation'],
    ]);
  });

  it('on the complainant’s “satisfied” too, giving that as the reason', async () => {
    clock.set('2026-12-04T03:00:00.000Z');
    const { caseId } = await forwardedCase(service, ['bpn']);
    await service.planActivity(centralOfficer, caseId, { ...mediation, agencyIds: ['bpn'] });
    await service.respond(officerOf('bpn'), caseId, 'bpn', {
      kind: 'final',
      message: 'Sertifikat telah terbit.',
    });
    const { trackingCode } = await service.getCase(centralOfficer, caseId);
    clock.set('2026-12-07T03:00:00.000Z');
    await service.reply(trackingCode!, { satisfied: true, rating: 5 });
    await service.reply(trackingCode!, { satisfied: true, rating: 5 }); // sent again
    const cancelled = (await invitations(caseId)).filter((n) => n.step === 'invitation_cancelled');
    expect(cancelled.map((n) => n.agencyId)).toEqual(['bpn']);
    const mail = (await sentNow()).get(cancelled[0]!.id)!;
    expect(mail.text).toContain(
      'dibatalkan, dengan alasan: Pengaduan ditutup: Pengadu menyatakan puas.',
    );
    expect(mail.text).not.toContain('Siti');
  });
});

describe('the letters’ numbers', () => {
  it('are reserved for all of an activity’s agencies in one call, consecutive in the order written', async () => {
    clock.set('2026-12-08T03:00:00.000Z');
    const { caseId } = await forwardedCase(service, ['bpn', 'ntb']);
    let reservations = 0;
    const counting: Store = new Proxy(store, {
      get(target, name) {
        if (name === 'reserveSequence') reservations += 1;
        const value: unknown = Reflect.get(target, name, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const planning = new Service({ store: counting, clock: clock.now, invitationLetters: true });
    await planning.planActivity(centralOfficer, caseId, {
      kind: 'clarification',
      scheduledAt: '2026-12-15T02:00:00.000Z',
      agencyIds: ['bpn', 'ntb'],
    });
    // One round trip, not one per agency (18 in a row at the most).
    expect(reservations).toBe(1);
    const numbers = (await invitations(caseId))
      .filter((n) => n.step === 'invitation')
      .map((n) => Number(/^B-(\d+)\//.exec(n.letterNumber!)![1]))
      .toSorted((a, b) => a - b);
    expect(numbers[1]! - numbers[0]!).toBe(1);
  });
});
