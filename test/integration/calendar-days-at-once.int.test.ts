/**
 * A year's holidays entered at once: the admin pastes the decree's list, and the API saves it
 * in one edit (`PATCH /v1/calendars/{id}/days`). Before, each day was its own PUT, each with
 * its own re-arming job: 25 days moved every open deadline 25 times, and a list stopped halfway
 * (a day refused) left half a year in the calendar. Now the days and one job are one write:
 * each open deadline moves once, and a refused entry leaves the calendar as it was.
 */
import { scopeKey, Service, type Store } from '@pantau/core';
import { type DynamoStore, keys } from '@pantau/store';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '@pantau/api';
import {
  addAgencies,
  centralAdmin,
  centralOfficer,
  forwardedCase,
  freshStore,
  manualClock,
} from '../support/dynamodb.ts';
import { testIssuer } from '../support/tokens.ts';

const clock = manualClock('2026-12-01T02:00:00.000Z'); // Tuesday 1 December 2026, 09:00 WIB
let store: Store;
let service: Service;
let app: ReturnType<typeof createApp>;
let admin: string;

const CALENDAR_SCOPE = scopeKey({ kind: 'calendar', calendarId: 'id' });

beforeAll(async () => {
  store = await freshStore();
  // No runner: a calendar edit's job runs to its end inside the edit.
  service = new Service({ store, clock: clock.now });
  const issuer = await testIssuer();
  admin = await issuer.bearer({ sub: 'admin-1', agency: 'setneg', role: 'central_admin' });
  app = createApp({ store, verifier: issuer.verifier, clock: clock.now });
  await addAgencies(service, [{ id: 'pln' }, { id: 'papua', timeZone: 'Asia/Jayapura' }]);
}, 60_000);

const send = (method: string, path: string, body: unknown) =>
  app.request(path, {
    method,
    headers: { authorization: admin, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

const recomputed = async (caseId: string) =>
  (await service.timeline(centralOfficer, caseId, { limit: 100 })).items.filter(
    (e) => e.type === 'deadlines_recomputed',
  );

const daysOf2027 = async () =>
  (await service.getCalendarDays('id', 2027)).items.map((d) => `${d.date} ${d.name}`);

describe('a year’s days saved in one edit', () => {
  it('saves them all with one job: each open deadline moves once, by all of them, as the preview said', async () => {
    const { caseId } = await forwardedCase(service, ['pln', 'papua'], 'examination');
    const before = (await service.getCase(centralOfficer, caseId)).assignments!;
    // 60 working days from 1 December: into February 2027, counted on weekends only.
    expect(before.map((a) => a.calendarWarnings.map((w) => w.year))).toEqual([[2027], [2027]]);
    const days = [
      { date: '2027-01-01', kind: 'national_holiday', name: 'Tahun Baru 2027 Masehi' },
      { date: '2027-01-04', kind: 'collective_leave', name: 'Cuti bersama Tahun Baru' },
      { date: '2027-01-05', kind: 'national_holiday', name: 'Isra Mikraj Nabi Muhammad SAW' },
      // After every deadline: saved, moves nothing.
      { date: '2027-06-01', kind: 'national_holiday', name: 'Hari Lahir Pancasila' },
    ];

    const impact = await send('POST', '/v1/calendars/id/days/impact', { days });
    expect(impact.status).toBe(200);
    const said = (await impact.json()) as { assignments: number; deadlines: number };
    expect(await daysOf2027()).toEqual([]); // asking wrote nothing

    const res = await send('PATCH', '/v1/calendars/id/days', { days });
    expect(res.status).toBe(202);
    const change = (await res.json()) as { dates: string[]; job: { id: string; state: string } };
    expect(change.dates).toEqual(['2027-01-01', '2027-01-04', '2027-01-05', '2027-06-01']);
    expect(change.job.state).toBe('completed');
    expect(await daysOf2027()).toEqual(days.map((d) => `${d.date} ${d.name}`));
    expect(await store.latestJobId(CALENDAR_SCOPE)).toBe(change.job.id);

    // Once per assignment, by the one job: not three times (nor four).
    const events = await recomputed(caseId);
    expect(events.map((e) => (e.data as { jobId?: string }).jobId)).toEqual([
      change.job.id,
      change.job.id,
    ]);
    const after = (await service.getCase(centralOfficer, caseId)).assignments!;
    // Three working days later (1, 4 and 5 January), in each agency's own zone.
    for (const [i, a] of after.entries()) {
      const was = new Date(before[i]!.due.resolution!);
      const moved = new Date(a.due.resolution!);
      expect((moved.getTime() - was.getTime()) / 86_400_000, a.agencyId).toBeGreaterThanOrEqual(3);
    }
    const movedTargets = after.reduce(
      (n, a, i) =>
        n +
        (Object.keys(a.due) as (keyof typeof a.due)[]).filter((t) => a.due[t] !== before[i]!.due[t])
          .length,
      0,
    );
    expect(said).toEqual({ assignments: 2, deadlines: movedTargets });
  }, 60_000);

  it('refuses a list with one bad entry whole, naming the entry, and writes nothing', async () => {
    const saved = await daysOf2027();
    const job = await store.latestJobId(CALENDAR_SCOPE);
    const good = [
      { date: '2027-02-06', kind: 'national_holiday', name: 'Tahun Baru Imlek 2578 Kongzili' },
      { date: '2027-03-10', kind: 'national_holiday', name: 'Idulfitri 1448 H' },
    ];
    for (const [days, path, message] of [
      // 30 February: no such day.
      [[...good, { date: '2027-02-30', kind: 'other', name: 'Salah ketik' }], 'days.2.date', null],
      // The same day twice: which name would it keep?
      [
        [...good, { date: '2027-02-06', kind: 'collective_leave', name: 'Cuti bersama Imlek' }],
        'days.2.date',
        'the same day twice in the list',
      ],
      [[good[0], { ...good[1], name: '' }], 'days.1.name', null],
      [[], 'days', null],
    ] as const) {
      const res = await send('PATCH', '/v1/calendars/id/days', { days });
      expect(res.status, path).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const problem = (await res.json()) as { errors: { path: string; message: string }[] };
      expect(problem.errors.map((e) => e.path)).toEqual([path]);
      if (message) expect(problem.errors[0]!.message).toBe(message);
    }
    // More than one edit takes.
    const many = Array.from({ length: 61 }, (_, i) => ({
      date: new Date(Date.UTC(2027, 6, 1 + i)).toISOString().slice(0, 10),
      kind: 'other',
      name: `Hari ${i + 1}`,
    }));
    const tooMany = await send('PATCH', '/v1/calendars/id/days', { days: many });
    expect(tooMany.status).toBe(400);
    expect(((await tooMany.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe('days');

    expect(await daysOf2027()).toEqual(saved);
    expect(await store.latestJobId(CALENDAR_SCOPE)).toBe(job);
  }, 60_000);

  it('a list past one transaction (the service called past the API’s limit) writes none of it', async () => {
    const job = await store.latestJobId(CALENDAR_SCOPE);
    const many = Array.from({ length: 98 }, (_, i) => ({
      date: new Date(Date.UTC(2028, 0, 1 + i)).toISOString().slice(0, 10),
      kind: 'other' as const,
      name: `Hari ${i + 1}`,
    }));
    await expect(service.putCalendarDays(centralAdmin, 'id', many)).rejects.toMatchObject({
      code: 'limit_exceeded',
    });
    expect((await service.getCalendarDays('id', 2028)).items).toEqual([]);
    expect(await store.latestJobId(CALENDAR_SCOPE)).toBe(job);
  }, 60_000);
});

/**
 * Two admins adding the same date at once. The console read the year before its PUT, but a
 * colleague's PUT between the two requests was still replaced unseen (the PUT replaces). With
 * `If-None-Match: *` the PUT only creates, checked in the write itself: the second is a 412 and
 * the first's day is kept.
 */
describe('adding a day only if it is not there (If-None-Match: *)', () => {
  const put = (date: string, name: string, headers: Record<string, string> = {}) =>
    app.request(`/v1/calendars/id/days/${date}`, {
      method: 'PUT',
      headers: { authorization: admin, 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ kind: 'collective_leave', name }),
    });
  const nameOf = async (date: string) =>
    (await service.getCalendarDays('id', Number(date.slice(0, 4)))).items.find(
      (d) => d.date === date,
    )?.name;

  it('of two PUTs with the header, the second is refused 412 and the first one’s day is kept', async () => {
    const first = await put('2027-12-24', 'Cuti bersama Natal', { 'if-none-match': '*' });
    expect(first.status).toBe(202);
    const jobs = await store.latestJobId(CALENDAR_SCOPE);
    const second = await put('2027-12-24', 'Libur lain', { 'if-none-match': '*' });
    expect(second.status).toBe(412);
    expect(second.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await second.json()) as { code: string; status: number; detail: string };
    expect(problem).toMatchObject({ code: 'precondition_failed', status: 412 });
    expect(await nameOf('2027-12-24')).toBe('Cuti bersama Natal');
    // Nothing written: no job either.
    expect(await store.latestJobId(CALENDAR_SCOPE)).toBe(jobs);
    // Without the header the PUT replaces, knowingly.
    expect((await put('2027-12-24', 'Libur lain')).status).toBe(202);
    expect(await nameOf('2027-12-24')).toBe('Libur lain');
  });

  it('two at once with the header: exactly one is saved, the other refused', async () => {
    const answers = await Promise.all(
      ['Satu', 'Dua'].map((name) => put('2027-12-27', name, { 'if-none-match': '*' })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([202, 412]);
    const won = answers[0]!.status === 202 ? 'Satu' : 'Dua';
    expect(await nameOf('2027-12-27')).toBe(won);
  });

  it('any other If-None-Match is a 400 naming it (only * is understood)', async () => {
    const res = await put('2027-12-28', 'Libur', { 'if-none-match': '"v1"' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('if-none-match');
    expect(await nameOf('2027-12-28')).toBeUndefined();
  });
});

/**
 * Two admins replacing the same day. The console's “Ganti” sent a PUT that replaced whatever the
 * day was, and the pasted list's PATCH whatever was there by the time it was written: admin A
 * renamed a day, admin B, on a page loaded before, changed its kind, and B's save put A's old
 * name back without a word. A day now has a `version` (GET days; 1 for one stored before days
 * had versions): an edit made on it is refused (409 `version_conflict`, naming the entry) once
 * someone else has saved the day since, and nothing is written. Without `version` it replaces.
 */
describe('replacing a day another admin changed since it was read (version)', () => {
  interface Day {
    date: string;
    kind: string;
    name: string;
    version?: number;
  }
  const put = (date: string, body: object) => send('PUT', `/v1/calendars/id/days/${date}`, body);
  const read = async (year: number): Promise<Day[]> => {
    const res = await app.request(`/v1/calendars/id/days?year=${year}`, {
      headers: { authorization: admin },
    });
    return ((await res.json()) as { items: Day[] }).items;
  };
  const dayOf = async (date: string) =>
    (await read(Number(date.slice(0, 4)))).find((d) => d.date === date);
  const conflictOf = async (res: Response) => {
    expect(res.status).toBe(409);
    const problem = (await res.json()) as { code: string; errors?: { path: string }[] };
    expect(problem.code).toBe('version_conflict');
    return (problem.errors ?? []).map((e) => e.path);
  };

  it('a PUT made on the day as read is refused once another admin saved it since, and theirs is kept', async () => {
    expect(
      (await put('2029-01-02', { kind: 'collective_leave', name: 'Cuti bersama' })).status,
    ).toBe(202);
    // Both admins' pages read the day.
    const seen = (await dayOf('2029-01-02'))!;
    // A renames it, on the version read.
    const a = await put('2029-01-02', {
      kind: 'collective_leave',
      name: 'Cuti bersama Tahun Baru',
      version: seen.version,
    });
    expect(a.status).toBe(202);
    const jobs = await store.latestJobId(CALENDAR_SCOPE);
    // B, on the page read before A's save, changes its kind: refused, A's name kept.
    const b = await put('2029-01-02', {
      kind: 'other',
      name: 'Cuti bersama',
      version: seen.version,
    });
    expect(await conflictOf(b)).toEqual(['version']);
    expect(await dayOf('2029-01-02')).toEqual({
      date: '2029-01-02',
      kind: 'collective_leave',
      name: 'Cuti bersama Tahun Baru',
      version: 2,
    });
    // Nothing written: no job either.
    expect(await store.latestJobId(CALENDAR_SCOPE)).toBe(jobs);
    // Made on the day as it is now: saved, one version on.
    const again = await put('2029-01-02', {
      kind: 'other',
      name: 'Cuti bersama Tahun Baru',
      version: 2,
    });
    expect(again.status).toBe(202);
    expect(await dayOf('2029-01-02')).toMatchObject({ kind: 'other', version: 3 });
    // The write itself is conditional (a save between the read and the write): a day written
    // on a version no longer stored is refused by the store, and nothing is written.
    await expect(
      store.putCalendarDays('id', [
        { date: '2029-01-02', kind: 'national_holiday', name: 'Tahun Baru', version: 3 },
      ]),
    ).rejects.toMatchObject({ kind: 'version' });
    expect(await dayOf('2029-01-02')).toMatchObject({ kind: 'other', version: 3 });
    expect(await store.latestJobId(CALENDAR_SCOPE)).not.toBe(jobs);
  });

  it('a pasted list made on the days as read is refused whole, naming the entry changed since', async () => {
    expect((await put('2029-03-02', { kind: 'national_holiday', name: 'Hari A' })).status).toBe(
      202,
    );
    // The paste reads the calendar before it sends…
    const seen = new Map((await read(2029)).map((d) => [d.date, d]));
    // …a colleague renames a day meanwhile…
    expect(
      (await put('2029-03-02', { kind: 'national_holiday', name: 'Hari A baru' })).status,
    ).toBe(202);
    const jobs = await store.latestJobId(CALENDAR_SCOPE);
    // …and the list, made on the read, would put its old name back with another kind.
    const res = await send('PATCH', '/v1/calendars/id/days', {
      days: [
        { date: '2029-03-01', kind: 'other', name: 'Hari baru' },
        {
          date: '2029-03-02',
          kind: 'collective_leave',
          name: 'Hari A',
          version: seen.get('2029-03-02')?.version,
        },
      ],
    });
    expect(await conflictOf(res)).toEqual(['days.1.version']);
    // All or nothing: the new day is not written either, nor a job.
    expect(await dayOf('2029-03-01')).toBeUndefined();
    expect(await dayOf('2029-03-02')).toMatchObject({
      kind: 'national_holiday',
      name: 'Hari A baru',
    });
    expect(await store.latestJobId(CALENDAR_SCOPE)).toBe(jobs);
  });

  it('version 0: the day must not exist yet (a day a colleague added is refused, by its entry)', async () => {
    expect((await put('2029-05-03', { kind: 'other', name: 'Libur' })).status).toBe(202);
    const jobs = await store.latestJobId(CALENDAR_SCOPE);
    expect(
      await conflictOf(await put('2029-05-03', { kind: 'other', name: 'X', version: 0 })),
    ).toEqual(['version']);
    const res = await send('PATCH', '/v1/calendars/id/days', {
      days: [
        { date: '2029-05-02', kind: 'other', name: 'Baru', version: 0 },
        { date: '2029-05-03', kind: 'other', name: 'Baru juga', version: 0 },
        { date: '2029-05-04', kind: 'other', name: 'Baru lagi', version: 0 },
      ],
    });
    expect(await conflictOf(res)).toEqual(['days.1.version']);
    expect(await dayOf('2029-05-02')).toBeUndefined();
    expect(await dayOf('2029-05-03')).toMatchObject({ name: 'Libur', version: 1 });
    expect(await store.latestJobId(CALENDAR_SCOPE)).toBe(jobs);
    // A new day is written at 1, each replace (with a version or without) one on.
    const ok = await send('PATCH', '/v1/calendars/id/days', {
      days: [
        { date: '2029-05-02', kind: 'other', name: 'Baru', version: 0 },
        { date: '2029-05-03', kind: 'other', name: 'Libur diganti', version: 1 },
        { date: '2029-05-04', kind: 'other', name: 'Baru lagi' },
      ],
    });
    expect(ok.status).toBe(202);
    expect((await read(2029)).filter((d) => d.date.startsWith('2029-05'))).toEqual([
      { date: '2029-05-02', kind: 'other', name: 'Baru', version: 1 },
      { date: '2029-05-03', kind: 'other', name: 'Libur diganti', version: 2 },
      { date: '2029-05-04', kind: 'other', name: 'Baru lagi', version: 1 },
    ]);
    expect((await put('2029-05-04', { kind: 'other', name: 'Tanpa versi' })).status).toBe(202);
    expect(await dayOf('2029-05-04')).toMatchObject({ name: 'Tanpa versi', version: 2 });
  });

  it('a day stored before days had versions reads as version 1, and is replaced on it', async () => {
    const legacy = store as DynamoStore;
    await legacy.client.send(
      new PutCommand({
        TableName: legacy.tableName,
        Item: {
          ...keys.calendarDay('id', '2029-06-01'),
          entity: 'calendar_day',
          date: '2029-06-01',
          kind: 'national_holiday',
          name: 'Hari Lahir Pancasila',
        },
      }),
    );
    await legacy.settingsWrittenAround();
    expect(await dayOf('2029-06-01')).toEqual({
      date: '2029-06-01',
      kind: 'national_holiday',
      name: 'Hari Lahir Pancasila',
      version: 1,
    });
    expect(
      await conflictOf(await put('2029-06-01', { kind: 'other', name: 'X', version: 2 })),
    ).toEqual(['version']);
    const res = await put('2029-06-01', {
      kind: 'national_holiday',
      name: 'Hari Lahir Pancasila 2029',
      version: 1,
    });
    expect(res.status).toBe(202);
    expect(await dayOf('2029-06-01')).toMatchObject({ version: 2 });
    // A second edit on the version the first was made on: refused.
    expect(
      await conflictOf(await put('2029-06-01', { kind: 'other', name: 'X', version: 1 })),
    ).toEqual(['version']);
  });

  it('two PUTs at once on the same version: exactly one is saved, the other refused', async () => {
    expect((await put('2029-07-01', { kind: 'other', name: 'Awal' })).status).toBe(202);
    const answers = await Promise.all(
      ['Satu', 'Dua'].map((name) => put('2029-07-01', { kind: 'other', name, version: 1 })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([202, 409]);
    const won = answers[0]!.status === 202 ? 'Satu' : 'Dua';
    expect(await dayOf('2029-07-01')).toMatchObject({ name: won, version: 2 });
  });

  it('the same save sent again after its answer was lost is answered saved, with its job, not refused as another admin’s', async () => {
    expect((await put('2029-08-01', { kind: 'other', name: 'Awal' })).status).toBe(202);
    const body = { kind: 'national_holiday', name: 'Hari Baru', version: 1 };
    const first = await put('2029-08-01', body);
    expect(first.status).toBe(202);
    const { job } = (await first.json()) as { job: { id: string } };
    // The console (or a proxy) sends it again: the day is at 2, as this very save left it.
    const again = await put('2029-08-01', body);
    expect(again.status).toBe(202);
    expect(((await again.json()) as { job: { id: string } }).job.id).toBe(job.id);
    expect(await dayOf('2029-08-01')).toMatchObject({ name: 'Hari Baru', version: 2 });
    // A list sent again likewise; once one of its days changed since (someone else's save),
    // it is refused whole, each day no longer as read named.
    const list = [
      { date: '2029-08-02', kind: 'other', name: 'Dua', version: 0 },
      { date: '2029-08-03', kind: 'other', name: 'Tiga', version: 0 },
    ];
    expect((await send('PATCH', '/v1/calendars/id/days', { days: list })).status).toBe(202);
    expect((await send('PATCH', '/v1/calendars/id/days', { days: list })).status).toBe(202);
    expect(await dayOf('2029-08-03')).toMatchObject({ name: 'Tiga', version: 1 });
    await put('2029-08-03', { kind: 'other', name: 'Tiga diubah', version: 1 });
    const stale = await send('PATCH', '/v1/calendars/id/days', { days: list });
    expect(await conflictOf(stale)).toEqual(['days.0.version', 'days.1.version']);
    expect(await dayOf('2029-08-03')).toMatchObject({ name: 'Tiga diubah', version: 2 });
  });
});
