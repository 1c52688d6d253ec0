/**
 * Two people on the same thing at once (audit s24): a request made from a page that is out of
 * date carries what that page showed (the case's `version`, the unit holding a delegated
 * assignment, the assignment's `generation`), and is refused with 409 `version_conflict` when
 * a colleague has changed it since, instead of overriding what they just did. Without the field
 * (an older client) it goes as before; the same request sent again (its answer lost) is still
 * answered as the first was.
 */
import { Service, type Principal, type Store } from '@pantau/core';
import { beforeAll, describe, expect, it } from 'vitest';
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
const clock = manualClock('2026-09-07T03:00:00.000Z');

const officerB: Principal = { ...centralOfficer, sub: 'officer-2' };

beforeAll(async () => {
  service = new Service({ store: (store = await freshStore()), clock: clock.now });
  await addAgencies(service, [
    { id: 'polri' },
    { id: 'pln' },
    { id: 'fp' },
    { id: 'unit-a', focalPointId: 'fp' },
    { id: 'unit-b', focalPointId: 'fp' },
  ]);
}, 60_000);

const register = () =>
  service.createCase(centralOfficer, {
    channel: 'letter',
    complainant: { name: 'Siti Aminah', phone: '0812000000' },
    subject: 'Sertifikat tanah belum terbit',
    description: 'Sudah dua tahun.',
  });

const eventsOf = async (caseId: string, type: string) =>
  (await service.timeline(centralOfficer, caseId, { limit: 100 } as never)).items.filter(
    (e) => e.type === type,
  );

const assignmentOf = async (caseId: string, agencyId: string) =>
  (await store.getCase(caseId))!.assignments.find((a) => a.agencyId === agencyId)!;

describe('finding 1: a close confirmed on a page read before a colleague forwarded', () => {
  it('is refused (409), and the agency just forwarded to keeps its assignment', async () => {
    const { caseId } = await forwardedCase(service, ['polri']);
    // Officer B's page: Polri alone, named as "akan ditarik".
    const seenByB = await service.getCase(officerB, caseId);
    expect(seenByB.assignments.map((a) => a.agencyId)).toEqual(['polri']);
    // Officer A forwards to PLN as well.
    await service.forward(centralOfficer, caseId, { assignments: [{ agencyId: 'pln' }] });
    await expect(
      service.closeCase(officerB, caseId, { outcome: 'unresolved', version: seenByB.version }),
    ).rejects.toMatchObject({ code: 'version_conflict' });
    expect((await assignmentOf(caseId, 'pln')).state).toBe('pending');
    expect((await assignmentOf(caseId, 'polri')).state).toBe('pending');
    expect((await store.getCase(caseId))!.case.status).toBe('forwarded');
    expect(await eventsOf(caseId, 'case_closed')).toHaveLength(0);
  });

  it('on the current version it closes; sent again (its answer lost) it is answered as closed', async () => {
    const { caseId } = await forwardedCase(service, ['polri', 'pln']);
    const seen = await service.getCase(officerB, caseId);
    const first = await service.closeCase(officerB, caseId, {
      outcome: 'unresolved',
      version: seen.version,
    });
    expect(first.status).toBe('closed');
    expect(first.assignments.map((a) => a.state)).toEqual(['withdrawn', 'withdrawn']);
    const again = await service.closeCase(officerB, caseId, {
      outcome: 'unresolved',
      version: seen.version,
    });
    expect(again).toMatchObject({ status: 'closed', version: first.version });
    expect(await eventsOf(caseId, 'case_closed')).toHaveLength(1);
  });

  it('on a case the complainant closed since (satisfied), it is refused as closed, not as a colleague’s change', async () => {
    // Every agency answered: the case is resolved, the complainant's reply window open.
    const { caseId } = await forwardedCase(service, ['polri']);
    await service.respond(officerOf('polri'), caseId, 'polri', {
      kind: 'final',
      message: 'Sertifikat sudah diterbitkan.',
    });
    const seen = await service.getCase(officerB, caseId);
    expect(seen.status).toBe('resolved');
    // The complainant says they are satisfied while officer B's close form is open.
    const { trackingCode } = (await store.getCase(caseId))!.case;
    await service.reply(trackingCode, { satisfied: true, rating: 5 });
    // "Changed by another officer (forwarded, or answered): load it and close again" told B
    // to close a case nobody can close any more.
    await expect(
      service.closeCase(officerB, caseId, { outcome: 'unresolved', version: seen.version }),
    ).rejects.toMatchObject({ code: 'invalid_transition' });
    expect((await store.getCase(caseId))!.case.closure).toMatchObject({ outcome: 'resolved' });
    // The complainant's close alone: none of B's.
    expect((await eventsOf(caseId, 'case_closed')).map((e) => e.data.code)).toEqual([
      'closed_satisfied',
    ]);
  });

  it('without a version (an older client), it closes what is open then, as before', async () => {
    const { caseId } = await forwardedCase(service, ['polri']);
    await service.forward(centralOfficer, caseId, { assignments: [{ agencyId: 'pln' }] });
    await service.closeCase(officerB, caseId, { outcome: 'unresolved' });
    expect((await assignmentOf(caseId, 'pln')).state).toBe('withdrawn');
  });
});

describe('finding 2: two "Minta kelengkapan" at once on one received complaint', () => {
  it('one is answered, the other refused (409): no question to the complainant is lost', async () => {
    const { id, version } = await register();
    const asked = ['Fotokopi KTP dan sertifikat lama.', 'Nomor berkas permohonan.'];
    const results = await Promise.allSettled([
      service.verifyCase(centralOfficer, id, {
        decision: 'needs_info',
        missing: asked[0]!,
        version,
      }),
      service.verifyCase(officerB, id, { decision: 'needs_info', missing: asked[1]!, version }),
    ]);
    const ok = results.flatMap((r, i) => (r.status === 'fulfilled' ? [asked[i]] : []));
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(ok).toHaveLength(1);
    expect(refused).toEqual([expect.objectContaining({ code: 'version_conflict' })]);
    // The complainant is asked what the officer told so was asked.
    expect((await store.getCase(id))!.case.infoRequest?.missing).toBe(ok[0]);
    expect(await eventsOf(id, 'case_needs_info')).toHaveLength(1);
  });

  it('the same request sent again on its version (its answer lost) is answered as decided', async () => {
    const { id, version } = await register();
    const body = { decision: 'needs_info', missing: 'Fotokopi KTP.', version } as const;
    const first = await service.verifyCase(centralOfficer, id, body);
    await expect(service.verifyCase(centralOfficer, id, body)).resolves.toMatchObject({
      status: 'needs_info',
      version: first.version,
    });
    expect(await eventsOf(id, 'case_needs_info')).toHaveLength(1);
  });
});

describe('finding 3: a "Terima" from a page read before a colleague asked for what is missing', () => {
  it('is refused (409): the question stays, and the forwarding deadline does not restart', async () => {
    const { id } = await register();
    const seenByB = await service.getCase(officerB, id);
    expect(seenByB.status).toBe('received');
    await service.verifyCase(centralOfficer, id, {
      decision: 'needs_info',
      missing: 'Fotokopi KTP.',
      version: seenByB.version,
    });
    await expect(
      service.verifyCase(officerB, id, {
        decision: 'accept',
        type: 'light',
        version: seenByB.version,
      }),
    ).rejects.toMatchObject({ code: 'version_conflict' });
    const now = (await store.getCase(id))!.case;
    expect(now.status).toBe('needs_info');
    expect(now.infoRequest?.missing).toBe('Fotokopi KTP.');
  });

  it('without a version (an older client) it is decided on what is stored, as before', async () => {
    const { id } = await register();
    await service.verifyCase(centralOfficer, id, { decision: 'needs_info', missing: 'KTP.' });
    await expect(
      service.verifyCase(officerB, id, { decision: 'accept', type: 'light' }),
    ).resolves.toMatchObject({ status: 'verified' });
  });
});

describe('findings 4 and 5: a focal point’s two coordinators', () => {
  const coordA = officerOf('fp', 'agency_coordinator');
  const coordB: Principal = { ...coordA, sub: 'fp-coordinator-2' };

  it('4: a delegation from a page showing it undelegated is refused once a colleague delegated it', async () => {
    const { caseId } = await forwardedCase(service, ['fp']);
    const seen = await service.getAssignment(coordB, caseId, 'fp');
    expect(seen.delegatedTo).toBeNull();
    await service.delegate(coordA, caseId, 'fp', {
      memberId: 'unit-a',
      note: 'Wilayah Anda',
      from: null,
    });
    await expect(
      service.delegate(coordB, caseId, 'fp', { memberId: 'unit-b', from: seen.delegatedTo }),
    ).rejects.toMatchObject({ code: 'version_conflict' });
    expect((await assignmentOf(caseId, 'fp')).delegatedTo).toBe('unit-a');
    // What the colleague did already (the same unit): answered as it is, nothing written.
    await expect(
      service.delegate(coordB, caseId, 'fp', { memberId: 'unit-a', from: null }),
    ).resolves.toMatchObject({ delegatedTo: 'unit-a' });
    expect(await eventsOf(caseId, 'assignment_delegated')).toHaveLength(1);
  });

  it('5: "Ambil kembali dari unit-a" is refused once a colleague gave it to unit-b', async () => {
    const { caseId } = await forwardedCase(service, ['fp']);
    await service.delegate(coordA, caseId, 'fp', { memberId: 'unit-a' });
    const seen = await service.getAssignment(coordB, caseId, 'fp');
    expect(seen.delegatedTo).toBe('unit-a');
    await service.delegate(coordA, caseId, 'fp', { memberId: null });
    await service.delegate(coordA, caseId, 'fp', { memberId: 'unit-b' });
    await expect(
      service.delegate(coordB, caseId, 'fp', { memberId: null, from: seen.delegatedTo }),
    ).rejects.toMatchObject({ code: 'version_conflict' });
    expect((await assignmentOf(caseId, 'fp')).delegatedTo).toBe('unit-b');
  });

  it('5: a take-back sent again after its answer was lost is answered as taken back', async () => {
    const { caseId } = await forwardedCase(service, ['fp']);
    await service.delegate(coordA, caseId, 'fp', { memberId: 'unit-a' });
    const body = { memberId: null, from: 'unit-a' } as const;
    await service.delegate(coordB, caseId, 'fp', body);
    await expect(service.delegate(coordB, caseId, 'fp', body)).resolves.toMatchObject({
      delegatedTo: null,
    });
    // Under its key, the first answer again.
    const idem = { key: 'take-back-1', fingerprint: 'f' };
    const { caseId: other } = await forwardedCase(service, ['fp']);
    await service.delegate(coordA, other, 'fp', { memberId: 'unit-a' });
    const first = await service.delegate(coordB, other, 'fp', body, idem);
    await expect(service.delegate(coordB, other, 'fp', body, idem)).resolves.toEqual(first);
  });

  it('without `from` (an older client), the delegation replaces whoever holds it, as before', async () => {
    const { caseId } = await forwardedCase(service, ['fp']);
    await service.delegate(coordA, caseId, 'fp', { memberId: 'unit-a' });
    await service.delegate(coordB, caseId, 'fp', { memberId: 'unit-b' });
    expect((await assignmentOf(caseId, 'fp')).delegatedTo).toBe('unit-b');
  });
});

describe('finding 6: an agency’s action typed before central withdrew and forwarded again', () => {
  /** A case forwarded to Polri, withdrawn and forwarded again: the page read generation 1. */
  const reforwarded = async () => {
    const { caseId } = await forwardedCase(service, ['polri']);
    const seen = await service.getAssignment(officerOf('polri'), caseId, 'polri');
    await service.withdrawAssignment(centralOfficer, caseId, 'polri', {
      reason: 'Instruksi keliru',
    });
    await service.forward(centralOfficer, caseId, {
      assignments: [{ agencyId: 'polri', instructions: 'Periksa Polsek Kebayoran.' }],
    });
    const now = await assignmentOf(caseId, 'polri');
    expect(now.generation).toBeGreaterThan(seen.generation);
    return { caseId, generation: seen.generation };
  };

  it('a final answer is refused (409), not recorded on the new forwarding', async () => {
    const { caseId, generation } = await reforwarded();
    await expect(
      service.respond(officerOf('polri'), caseId, 'polri', {
        kind: 'final',
        message: 'Sudah ditangani Polsek Menteng (instruksi lama).',
        generation,
      }),
    ).rejects.toMatchObject({ code: 'version_conflict' });
    expect((await assignmentOf(caseId, 'polri')).state).toBe('pending');
    expect(await eventsOf(caseId, 'response_submitted')).toHaveLength(0);
  });

  it('so are "not ours", a request for more time and a pause', async () => {
    const { caseId, generation } = await reforwarded();
    const polri = officerOf('polri');
    await expect(
      service.redirect(polri, caseId, 'polri', { reason: 'Bukan kami.', generation }),
    ).rejects.toMatchObject({ code: 'version_conflict' });
    await expect(
      service.requestExtension(polri, caseId, 'polri', {
        workingDays: 5,
        reason: 'Menunggu data.',
        generation,
      }),
    ).rejects.toMatchObject({ code: 'version_conflict' });
    await expect(
      service.pauseAssignment(polri, caseId, 'polri', 'Menunggu pengadu', generation),
    ).rejects.toMatchObject({ code: 'version_conflict' });
    const now = await assignmentOf(caseId, 'polri');
    expect({ state: now.state, paused: now.paused ?? false }).toEqual({
      state: 'pending',
      paused: false,
    });
    // The current forwarding's is taken.
    await expect(
      service.respond(polri, caseId, 'polri', {
        kind: 'progress',
        message: 'Sedang diperiksa Polsek Kebayoran.',
        generation: now.generation,
      }),
    ).resolves.toMatchObject({ generation: now.generation });
  });

  it('an answer sent again under its key (its answer lost) is answered as the first was', async () => {
    const { caseId } = await forwardedCase(service, ['polri']);
    const polri = officerOf('polri');
    const { generation } = await service.getAssignment(polri, caseId, 'polri');
    const idem = { key: 'final-1', fingerprint: 'f' };
    const body = { kind: 'final', message: 'Selesai.', generation } as const;
    const first = await service.respond(polri, caseId, 'polri', body, idem);
    await expect(service.respond(polri, caseId, 'polri', body, idem)).resolves.toEqual(first);
    expect(await eventsOf(caseId, 'response_submitted')).toHaveLength(1);
  });

  it('without a generation (an older client), it goes to the current forwarding, as before', async () => {
    const { caseId } = await reforwarded();
    await service.respond(officerOf('polri'), caseId, 'polri', {
      kind: 'final',
      message: 'Sudah ditangani.',
    });
    expect((await assignmentOf(caseId, 'polri')).state).toBe('completed');
  });
});
