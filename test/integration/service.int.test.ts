/**
 * The use cases against DynamoDB Local with a controllable clock: deadlines as DOMAIN.md
 * defines them, overdue derived at read time, and concurrent writers that never lose an update.
 */
import { DomainError, QueueQuery, Service, type Store } from '@pantau/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAgencies,
  centralAdmin,
  centralOfficer,
  forwardedCase as forwardedWith,
  freshStore,
  manualClock,
  officerOf,
} from '../support/dynamodb.ts';
import type { DynamoStore } from '@pantau/store';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';

let store: DynamoStore;
let service: Service;
const clock = manualClock('2026-03-16T03:00:00.000Z'); // Monday 10:00 WIB

beforeAll(async () => {
  store = await freshStore();
  service = new Service({ store, clock: clock.now });
  await addAgencies(service, [
    { id: 'polri' },
    { id: 'pemprov-bali', timeZone: 'Asia/Makassar' },
    { id: 'pemkot-jayapura', timeZone: 'Asia/Jayapura' },
    { id: 'atr-bpn' },
    { id: 'kanwil-bpn-jatim', focalPointId: 'atr-bpn' },
  ]);
});

const forwardedCase = (agencies: string[], type?: 'light' | 'normative' | 'examination') =>
  forwardedWith(service, agencies, type);

describe('deadlines', () => {
  it('holds the DOMAIN.md example: forwarded Mon 2026-03-16 → follow-up due end of Mon 2026-03-30 WIB', async () => {
    clock.set('2026-03-16T03:00:00.000Z');
    const { assignments } = await forwardedCase(
      ['polri', 'pemprov-bali', 'pemkot-jayapura'],
      'light',
    );
    const byAgency = Object.fromEntries(assignments.map((a) => [a.agencyId, a]));
    // 17 Mar, then 25, 26 (18–24 are Nyepi and Idulfitri leave, 21–22 a weekend).
    expect(byAgency.polri!.due.acknowledge).toBe('2026-03-26T16:59:59.999Z');
    expect(byAgency.polri!.due.followUp).toBe('2026-03-30T16:59:59.999Z');
    expect(byAgency.polri!.due.resolution).toBe('2026-03-30T16:59:59.999Z'); // light: 5 working days
    // The same working day ends an hour earlier in WITA and two in WIT.
    expect(byAgency['pemprov-bali']!.due.followUp).toBe('2026-03-30T15:59:59.999Z');
    expect(byAgency['pemkot-jayapura']!.due.followUp).toBe('2026-03-30T14:59:59.999Z');
    expect(assignments.every((a) => a.calendarWarnings.length === 0)).toBe(true);
  });

  it('keeps a verified case overdue past its 3 working days until it is forwarded', async () => {
    clock.set('2026-06-01T03:00:00.000Z'); // a Monday (a holiday: counted from Tuesday)
    const created = await service.createCase(centralOfficer, {
      channel: 'letter',
      complainant: { name: 'Siti Aminah', phone: '0812000000' },
      subject: 'Jalan desa rusak',
      description: 'Belum diperbaiki.',
    });
    await service.verifyCase(centralOfficer, created.id, { decision: 'accept', type: 'light' });
    const overdueCases = async () =>
      (await service.listCases(centralOfficer, { overdue: true, limit: 100 } as never)).items.map(
        (c) => c.id,
      );
    // Verified, never forwarded, past the deadline to verify and forward: overdue.
    clock.set(new Date(Date.parse(created.verificationDueAt) + 1).toISOString());
    expect((await service.getCase(centralOfficer, created.id)).overdue).toBe(true);
    expect(await overdueCases()).toContain(created.id);
    // Forwarded: the agencies' deadlines are the case's now.
    await service.forward(centralOfficer, created.id, { assignments: [{ agencyId: 'polri' }] });
    expect((await service.getCase(centralOfficer, created.id)).overdue).toBe(false);
    expect(await overdueCases()).not.toContain(created.id);
  });

  it('gives a case accepted after the complainant was asked for more its 3 working days anew', async () => {
    clock.set('2026-06-02T03:00:00.000Z'); // a Tuesday
    const created = await service.createCase(centralOfficer, {
      channel: 'letter',
      complainant: { name: 'Siti Aminah', phone: '0812000000' },
      subject: 'Bantuan sosial tidak cair',
      description: 'Sudah tiga bulan.',
    });
    await service.verifyCase(centralOfficer, created.id, {
      decision: 'needs_info',
      missing: 'Fotokopi KTP',
    });
    // The complainant answers a week later; central accepts the complaint then.
    clock.set('2026-06-09T03:00:00.000Z');
    const accepted = await service.verifyCase(centralOfficer, created.id, {
      decision: 'accept',
      type: 'light',
    });
    expect(accepted.overdue).toBe(false);
    expect(Date.parse(accepted.verificationDueAt)).toBeGreaterThan(
      Date.parse(clock.now().toISOString()),
    );
    clock.set(new Date(Date.parse(accepted.verificationDueAt) + 1).toISOString());
    expect((await service.getCase(centralOfficer, created.id)).overdue).toBe(true);
  });

  it('answers a request for more information sent again (its answer lost) as the first, writing nothing', async () => {
    clock.set('2026-06-02T03:00:00.000Z');
    const created = await service.createCase(centralOfficer, {
      channel: 'letter',
      complainant: { name: 'Siti Aminah', phone: '0812000000' },
      subject: 'Bantuan sosial tidak cair',
      description: 'Sudah tiga bulan.',
    });
    const body = {
      decision: 'needs_info' as const,
      missing: 'Fotokopi KTP',
      subject: 'Bansos tidak cair',
    };
    const asked = await service.verifyCase(centralOfficer, created.id, body);
    clock.set('2026-06-02T03:05:00.000Z');
    const again = await service.verifyCase(centralOfficer, created.id, body);
    expect(again.infoRequest).toEqual(asked.infoRequest);
    expect(again.version).toBe(asked.version);
    const asking = async () =>
      (await service.timeline(centralOfficer, created.id, { limit: 100 })).items.filter(
        (e) => e.type === 'case_needs_info',
      );
    expect(await asking()).toHaveLength(1);
    // Asked again for something else: the latest request is what the complainant reads.
    const other = await service.verifyCase(centralOfficer, created.id, {
      ...body,
      missing: 'Kartu keluarga',
    });
    expect(other.infoRequest).toMatchObject({ missing: 'Kartu keluarga' });
    expect(other.infoRequest!.requestedAt).not.toBe(asked.infoRequest!.requestedAt);
    expect(await asking()).toHaveLength(2);
  });

  it('counts a paused assignment past its dates as not overdue, in every list and on its case', async () => {
    clock.set('2026-06-02T03:00:00.000Z'); // a Tuesday
    const { caseId } = await forwardedCase(['pemprov-bali']);
    await service.pauseAssignment(centralOfficer, caseId, 'pemprov-bali', 'Menunggu pengadu');
    clock.set('2026-07-20T03:00:00.000Z'); // every target's date long past
    const bali = officerOf('pemprov-bali');
    const queued = async (overdue: boolean) =>
      (await service.queue(bali, { overdue, limit: 100 } as never)).items.map((a) => a.caseId);
    // Nothing is overdue while the clock is paused: listed as not overdue, not as overdue.
    expect(await queued(false)).toContain(caseId);
    expect(await queued(true)).not.toContain(caseId);
    expect((await service.getCase(centralOfficer, caseId)).overdue).toBe(false);
    const overdueCases = await service.listCases(centralOfficer, {
      overdue: true,
      limit: 100,
    } as never);
    expect(overdueCases.items.map((c) => c.id)).not.toContain(caseId);
  });

  it('derives overdue at read time, per target, and stops once the target is met', async () => {
    clock.set('2026-03-16T03:00:00.000Z');
    const { caseId } = await forwardedCase(['polri']);
    clock.set('2026-03-26T16:59:59.999Z'); // the last instant of the acknowledgement's day
    expect((await service.getAssignment(centralOfficer, caseId, 'polri')).overdue.acknowledge).toBe(
      false,
    );
    clock.set('2026-03-26T17:00:00.000Z');
    const late = await service.getAssignment(centralOfficer, caseId, 'polri');
    expect(late.overdue).toEqual({ acknowledge: true, followUp: false, resolution: false });
    expect((await service.getCase(centralOfficer, caseId)).overdue).toBe(true);
    const worklist = await service.worklist(centralOfficer, {
      target: 'acknowledge',
      limit: 100,
    } as never);
    expect(worklist.items.some((a) => a.caseId === caseId)).toBe(true);

    await service.acknowledge(officerOf('polri'), caseId, 'polri');
    const acknowledged = await service.getAssignment(centralOfficer, caseId, 'polri');
    expect(acknowledged.overdue.acknowledge).toBe(false);
    expect(acknowledged.met.acknowledge).toBe('2026-03-26T17:00:00.000Z');
    expect(acknowledged.nextDueAt).toBe('2026-03-30T16:59:59.999Z');
  });

  it('flags a deadline that runs into a year without holidays in the calendar', async () => {
    clock.set('2026-11-23T02:00:00.000Z');
    const { assignments } = await forwardedCase(['polri'], 'examination');
    const [a] = assignments;
    expect(a!.calendarWarnings).toEqual([
      expect.objectContaining({ target: 'resolution', year: 2027 }),
    ]);
    expect(a!.due.resolution).toBe('2027-02-17T16:59:59.999Z');
  });
});

describe('concurrency', () => {
  it('two agencies acting on one case at once both land, and the case status stays true', async () => {
    clock.set('2026-04-06T03:00:00.000Z');
    const { caseId } = await forwardedCase(['polri', 'pemprov-bali']);
    const before = await service.getCase(centralOfficer, caseId);
    await Promise.all([
      service.respond(officerOf('polri'), caseId, 'polri', { kind: 'final', message: 'Selesai.' }),
      service.respond(officerOf('pemprov-bali'), caseId, 'pemprov-bali', {
        kind: 'final',
        message: 'Selesai juga.',
      }),
    ]);
    const after = await service.getCase(centralOfficer, caseId);
    expect(after.assignments.map((a) => a.state)).toEqual(['completed', 'completed']);
    expect(after.status).toBe('resolved');
    expect(after.version).toBe(before.version + 2);
  });

  it('never loses an update: every accepted response is in the timeline, the rest are 409', async () => {
    clock.set('2026-04-07T03:00:00.000Z');
    const { caseId } = await forwardedCase(['polri']);
    const attempts = 8;
    const results = await Promise.allSettled(
      Array.from({ length: attempts }, (_, i) =>
        service.respond(officerOf('polri'), caseId, 'polri', {
          kind: 'progress',
          message: `Laporan ${i}`,
        }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled').length;
    const refused = results.filter((r) => r.status === 'rejected');
    for (const r of refused)
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'version_conflict' });
    expect(ok).toBeGreaterThanOrEqual(1);
    const timeline = await service.timeline(centralOfficer, caseId, { limit: 100 });
    const responses = timeline.items.filter((e) => e.type === 'response_submitted');
    expect(responses).toHaveLength(ok);
    const assignment = await service.getAssignment(centralOfficer, caseId, 'polri');
    expect(assignment.version).toBe(1 + ok);
  });

  it('replays an idempotent create that raced itself: one record', async () => {
    const body = {
      channel: 'email' as const,
      complainant: { name: 'Ahmad' },
      subject: 'Jalan rusak',
      description: 'Berlubang.',
    };
    const idem = { key: 'race-1', fingerprint: 'same' };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => service.createCase(centralOfficer, body, idem)),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    await expect(
      service.createCase(centralOfficer, body, { key: 'race-1', fingerprint: 'other' }),
    ).rejects.toMatchObject({ code: 'idempotency_key_reused' });
  });

  it('refuses an agency edit made on a version another admin has saved over, changing nothing', async () => {
    // Two admins open the agencies page; the first replaces the liaison, the second (still
    // seeing the old list) adds a head: without the version the second wiped the first's.
    const shown = await service.getAgency(centralAdmin, 'polri');
    const liaison = {
      name: 'Biro Propam',
      email: 'propam@polri.example.go.id',
      kind: 'liaison' as const,
    };
    const first = await service.updateAgency(centralAdmin, 'polri', {
      contacts: [liaison],
      version: shown.version,
    });
    expect(first.version).toBe(shown.version + 1);
    await expect(
      service.updateAgency(centralAdmin, 'polri', {
        contacts: [
          ...shown.contacts,
          { name: 'Kapolri', email: 'kapolri@polri.example.go.id', kind: 'head' },
        ],
        version: shown.version,
      }),
    ).rejects.toMatchObject({ code: 'version_conflict' });
    expect((await service.getAgency(centralAdmin, 'polri')).contacts).toEqual([liaison]);
  });

  it('answers an agency edit sent again on its version (its answer lost) as saved, not as another admin’s', async () => {
    const shown = await service.getAgency(centralAdmin, 'pemprov-bali');
    const edit = {
      name: 'Pemerintah Provinsi Bali',
      contacts: [{ name: 'Biro Umum', email: 'umum@baliprov.example.go.id' }],
      focalPointId: null,
      version: shown.version,
    };
    const first = await service.updateAgency(centralAdmin, 'pemprov-bali', edit);
    expect(first.version).toBe(shown.version + 1);
    // The answer was lost; the admin presses Save again: the same body, the same version.
    const again = await service.updateAgency(centralAdmin, 'pemprov-bali', edit);
    expect(again).toEqual(first);
    expect(await service.getAgency(centralAdmin, 'pemprov-bali')).toEqual(first);
    // Anything else on that version is another admin's save over it: refused.
    await expect(
      service.updateAgency(centralAdmin, 'pemprov-bali', { ...edit, name: 'Pemprov Bali' }),
    ).rejects.toMatchObject({ code: 'version_conflict' });
  });

  it('gives back, on a move out of a focal point sent again after its save, what the focal point still had delegated', async () => {
    await addAgencies(service, [{ id: 'kemenpora' }, { id: 'dispora', focalPointId: 'kemenpora' }]);
    const { caseId } = await forwardedCase(['kemenpora']);
    const unit = await service.getAgency(centralAdmin, 'dispora');
    const move = { focalPointId: null, version: unit.version };
    // The save lands; meanwhile the coordinator's delegation made during the first pass lands
    // too (the unit was still its member then), and the request dies before its second pass.
    let cut = false;
    const cutShort: Store = Object.create(store, {
      putAgency: {
        value: async (...args: Parameters<Store['putAgency']>) => {
          await store.putAgency(...args);
          if (cut) return;
          cut = true;
          const bundle = (await store.getCase(caseId))!;
          const a = bundle.assignments.find((x) => x.agencyId === 'kemenpora')!;
          await store.commit({
            assignments: [
              {
                record: { ...a, delegatedTo: 'dispora', version: a.version + 1 },
                expectedVersion: a.version,
              },
            ],
          });
          throw new DomainError('service_unavailable', 'the answer was lost');
        },
      },
    });
    await expect(
      new Service({ store: cutShort, clock: clock.now }).updateAgency(
        centralAdmin,
        'dispora',
        move,
      ),
    ).rejects.toMatchObject({ code: 'service_unavailable' });
    // The admin presses Save again: answered as saved, and the unit holds nothing of kemenpora's.
    await service.updateAgency(centralAdmin, 'dispora', move);
    const bundle = (await store.getCase(caseId))!;
    expect(bundle.assignments.find((x) => x.agencyId === 'kemenpora')?.delegatedTo).toBeNull();
  });

  it('never makes the central unit an agency’s member unit (its users would read central)', async () => {
    const before = await service.getAgency(centralAdmin, 'setneg');
    await expect(
      service.updateAgency(centralAdmin, 'setneg', { focalPointId: 'atr-bpn' }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'focalPointId', message: 'the central unit is no agency’s member unit' }],
    });
    expect(await service.getAgency(centralAdmin, 'setneg')).toEqual(before);
  });

  it('never lets two admins make two agencies each other’s focal point at once', async () => {
    await addAgencies(service, [{ id: 'bkn' }, { id: 'kanreg-bkn' }]);
    // Both have read the other agency (neither coordinated anyone yet) when both write.
    let arrived = 0;
    let together = () => {};
    const bothRead = new Promise<void>((resolve) => (together = resolve));
    const meeting: Store = Object.create(store, {
      putAgency: {
        value: async (...args: Parameters<Store['putAgency']>) => {
          if (++arrived === 2) together();
          if (arrived <= 2) await bothRead;
          return store.putAgency(...args);
        },
      },
    });
    const racing = new Service({ store: meeting, clock: clock.now });
    const outcomes = await Promise.allSettled([
      racing.updateAgency(centralAdmin, 'bkn', { focalPointId: 'kanreg-bkn' }),
      racing.updateAgency(centralAdmin, 'kanreg-bkn', { focalPointId: 'bkn' }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({
      reason: { code: 'validation_failed', errors: [{ path: 'focalPointId' }] },
    });
    const focalPoints = await Promise.all(
      ['bkn', 'kanreg-bkn'].map(
        async (id) => (await service.getAgency(centralAdmin, id)).focalPointId,
      ),
    );
    expect(focalPoints).toContain(null);
  });
});

describe('central withdraws an assignment (forwarded by mistake, or the agency dissolved)', () => {
  it('ends it with its reason, resolves the case when the others completed, and is central’s alone', async () => {
    const { caseId } = await forwardedCase(['polri', 'pemprov-bali']);
    const polri = officerOf('polri');
    await service.acknowledge(polri, caseId, 'polri');
    await service.respond(polri, caseId, 'polri', { kind: 'final', message: 'Selesai.' });
    // Bali's agency may not take its own assignment back, nor may another agency.
    for (const who of [officerOf('pemprov-bali', 'agency_coordinator'), polri])
      await expect(
        service.withdrawAssignment(who, caseId, 'pemprov-bali', { reason: 'x' }),
      ).rejects.toMatchObject({ code: 'forbidden' });

    const idem = { key: 'withdraw-bali-1', fingerprint: 'keliru' };
    const reason = 'Diteruskan ke instansi yang keliru: urusan ini kewenangan Polri.';
    const withdrawn = await service.withdrawAssignment(
      centralOfficer,
      caseId,
      'pemprov-bali',
      { reason },
      idem,
    );
    expect(withdrawn.state).toBe('withdrawn');
    // Sent again after its answer was lost: the same answer, not a 409.
    expect(
      await service.withdrawAssignment(centralOfficer, caseId, 'pemprov-bali', { reason }, idem),
    ).toEqual(withdrawn);
    // Without the key, an assignment already ended cannot be withdrawn again.
    await expect(
      service.withdrawAssignment(centralOfficer, caseId, 'pemprov-bali', { reason }),
    ).rejects.toMatchObject({ code: 'invalid_transition' });

    const view = await service.getCase(centralOfficer, caseId);
    // The only other agency completed: the complaint is resolved, its reply window open.
    expect(view.status).toBe('resolved');
    const events = (await service.timeline(centralOfficer, caseId, { limit: 100 })).items;
    const event = events.find((e) => e.type === 'assignment_withdrawn');
    expect(event).toMatchObject({ agencyId: 'pemprov-bali', data: { reason } });
    expect(events.filter((e) => e.type === 'assignment_withdrawn')).toHaveLength(1);
  });
});

describe('tenancy', () => {
  it('lets the focal point coordinator act for a member unit, not the member for the focal point', async () => {
    clock.set('2026-04-08T03:00:00.000Z');
    const { caseId } = await forwardedCase(['kanwil-bpn-jatim', 'atr-bpn']);
    const coordinator = officerOf('atr-bpn', 'agency_coordinator');
    expect((await service.acknowledge(coordinator, caseId, 'kanwil-bpn-jatim')).state).toBe(
      'acknowledged',
    );
    await expect(
      service.acknowledge(officerOf('atr-bpn'), caseId, 'kanwil-bpn-jatim'),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      service.acknowledge(officerOf('kanwil-bpn-jatim'), caseId, 'atr-bpn'),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(service.getCase(officerOf('polri'), caseId)).rejects.toMatchObject({
      code: 'not_found',
    });
    const asMember = await service.getCase(officerOf('kanwil-bpn-jatim'), caseId);
    expect(asMember.assignments.map((a) => a.agencyId)).toEqual(['kanwil-bpn-jatim']);
    const members = await service.queue(coordinator, { scope: 'members', limit: 25 } as never);
    expect(members.items.map((a) => a.agencyId).sort()).toEqual(['atr-bpn', 'kanwil-bpn-jatim']);
  });
});

describe('a focal point coordinating many member units', () => {
  it('pages its members’ queue to the end, each cursor one the API takes', async () => {
    const units = Array.from({ length: 8 }, (_, i) => `kanwil-djp-${i + 1}`);
    await addAgencies(service, [
      { id: 'djp' },
      ...units.map((id) => ({ id, focalPointId: 'djp' })),
    ]);
    for (let i = 0; i < 3; i += 1) await forwardedCase(units);
    const coordinator = { ...officerOf('djp'), role: 'agency_coordinator' as const };
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      // As the API reads the query string: a cursor longer than it takes is a 400 there.
      const filter = QueueQuery.parse({ scope: 'members', limit: 5, cursor });
      const page = await service.queue(coordinator, filter);
      seen.push(...page.items.map((a) => `${a.caseId}/${a.agencyId}`));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(3 * units.length);
    expect(new Set(seen).size).toBe(seen.length);
    // Its list of agencies (itself, then its member units) pages as every list does.
    const listed: string[] = [];
    let next: string | undefined;
    do {
      const page = await service.listAgencies(coordinator, { limit: 3, cursor: next });
      expect(page.items.length).toBeLessThanOrEqual(3);
      listed.push(...page.items.map((a) => a.id));
      next = page.nextCursor ?? undefined;
    } while (next);
    expect(listed).toEqual(['djp', ...[...units].sort()]);
    // A kept cursor that is not (or no longer) there is the caller's 400, named.
    const lapsed = QueueQuery.parse({
      scope: 'members',
      cursor: '~6f1c1d5e-0000-4000-8000-000000000000',
    });
    await expect(service.queue(coordinator, lapsed)).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'cursor' }],
    });
    // One kept past its day is refused too, though the TTL may not have removed it yet.
    const kept: string[] = [];
    let at: string | undefined;
    do {
      const page = await service.queue(
        coordinator,
        QueueQuery.parse({ scope: 'members', limit: 5, cursor: at }),
      );
      at = page.nextCursor ?? undefined;
      if (at?.startsWith('~')) kept.push(at);
    } while (at);
    expect(kept.length).toBeGreaterThan(0);
    const id = kept[0]!.slice(1);
    await store.client.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: { pk: `CURSOR#${id}`, sk: 'CURSOR' },
        UpdateExpression: 'SET #ttl = :past',
        ExpressionAttributeNames: { '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':past': Math.floor(Date.now() / 1000) - 60 },
      }),
    );
    const old = QueueQuery.parse({ scope: 'members', limit: 5, cursor: kept[0] });
    await expect(service.queue(coordinator, old)).rejects.toMatchObject({
      errors: [{ path: 'cursor' }],
    });
  });
});

describe('a delegation racing its member unit leaving the focal point', () => {
  it('is refused when the unit left between the coordinator’s read and the write', async () => {
    await addAgencies(service, [
      { id: 'kemenag' },
      { id: 'kanwil-kemenag-jabar', focalPointId: 'kemenag' },
    ]);
    const { caseId } = await forwardedCase(['kemenag']);
    const coordinator = { ...officerOf('kemenag'), role: 'agency_coordinator' as const };
    // The coordinator's write waits until central's admin has moved the unit out, both of
    // its passes giving back delegations (there was none yet) done.
    let began = () => {};
    let release = () => {};
    const reached = new Promise<void>((resolve) => (began = resolve));
    const until = new Promise<void>((resolve) => (release = resolve));
    let held = false;
    const slow: Store = Object.create(store, {
      commit: {
        value: async (...args: Parameters<Store['commit']>) => {
          if (!held) {
            held = true;
            began();
            await until;
          }
          return store.commit(...args);
        },
      },
    });
    const delegating = new Service({ store: slow, clock: clock.now })
      .delegate(coordinator, caseId, 'kemenag', { memberId: 'kanwil-kemenag-jabar' })
      .then(
        () => 'delegated',
        (error: { code?: string }) => error.code,
      );
    await reached;
    await service.updateAgency(centralAdmin, 'kanwil-kemenag-jabar', { focalPointId: null });
    release();
    expect(await delegating).toBe('validation_failed');
    const { assignments } = await service.getCase(centralOfficer, caseId);
    expect(assignments.find((a) => a.agencyId === 'kemenag')!.delegatedTo).toBeNull();
  });
});
